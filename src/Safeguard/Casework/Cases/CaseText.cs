using Safeguard.Casework.Assessments;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Referrals;

namespace Safeguard.Casework.Cases;

/// <summary>The words pages, timelines and audit details use for the casework records' categories.</summary>
internal static class CaseText
{
    public static string Kind(HomeOfficeEventKind kind) => kind switch
    {
        HomeOfficeEventKind.Rule35Report => "Rule 35 report",
        HomeOfficeEventKind.Rule35Response => "Response to a rule 35 report",
        HomeOfficeEventKind.AdultsAtRiskDecision => "Adults at Risk decision",
        HomeOfficeEventKind.SecondOpinionRequested => "Second opinion requested",
        HomeOfficeEventKind.SecondOpinionReceived => "Second opinion received",
        HomeOfficeEventKind.DetentionReview => "Detention review",
        HomeOfficeEventKind.ReleaseDecision => "Decision to release",
        HomeOfficeEventKind.RemovalDecision => "Decision to remove",
        _ => kind.ToString(),
    };

    public static string Kind(DocumentKind kind) => kind switch
    {
        DocumentKind.MedicoLegalReport => "Medico-legal report",
        DocumentKind.Letter => "Letter",
        _ => "Other document",
    };

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Cases.Outcome.StillDetained => "Still detained",
        Cases.Outcome.Released => "Released",
        Cases.Outcome.Removed => "Removed",
        Cases.Outcome.Transferred => "Transferred",
        Cases.Outcome.LostContact => "Lost contact",
        _ => outcome.ToString(),
    };

    public static string Route(ReleaseRoute route) => route switch
    {
        ReleaseRoute.TribunalBail => "Bail from the First-tier Tribunal",
        ReleaseRoute.HomeOfficeRelease => "Released by the Home Office",
        ReleaseRoute.CourtOrder => "Court order",
        _ => "Other",
    };

    public static string Grade(ConsistencyGrade grade) => grade switch
    {
        ConsistencyGrade.NotConsistent => "Not consistent",
        ConsistencyGrade.ConsistentWith => "Consistent with",
        ConsistencyGrade.HighlyConsistentWith => "Highly consistent with",
        ConsistencyGrade.TypicalOf => "Typical of",
        ConsistencyGrade.DiagnosticOf => "Diagnostic of",
        _ => grade.ToString(),
    };

    public static string Mode(AssessmentMode mode) => mode == AssessmentMode.Remote ? "Remote" : "In person";

    public static string EndedBy(EpisodeEnd end) => end switch
    {
        EpisodeEnd.Transfer => "Transferred",
        EpisodeEnd.Release => "Released",
        EpisodeEnd.Removal => "Removed",
        _ => "Other",
    };

    public static string Decision(DetentionDecision decision) => decision == DetentionDecision.Release ? "Release" : "Detention maintained";

    public static string Referrer(ReferrerKind kind) => kind switch
    {
        ReferrerKind.DetainedPerson => "The person detained",
        ReferrerKind.Lawyer => "A lawyer",
        ReferrerKind.VisitorGroup => "A visitor group",
        ReferrerKind.Ngo => "Another charity or NGO",
        _ => "Someone else",
    };

    public static string Channel(ReferralChannel channel) => channel switch
    {
        ReferralChannel.PublicForm => "Public form",
        ReferralChannel.Telephone => "Telephone",
        ReferralChannel.Letter => "Letter",
        ReferralChannel.Email => "E-mail",
        ReferralChannel.InPerson => "In person",
        _ => "Other",
    };

    public static string Decline(DeclineReason reason) => reason switch
    {
        DeclineReason.NotInDetention => "The person is not in detention",
        DeclineReason.OutsideRemit => "Outside what the charity does",
        DeclineReason.NoCapacity => "No capacity",
        DeclineReason.Duplicate => "Already referred",
        DeclineReason.ReferredElsewhere => "Referred to another organisation",
        DeclineReason.NoConsent => "The person did not consent",
        _ => reason.ToString(),
    };

    public static string Withdrawal(WithdrawalReason reason) => reason switch
    {
        WithdrawalReason.RecordedTwice => "Recorded twice",
        WithdrawalReason.WithdrawnByThePerson => "The person withdrew it",
        _ => "The referrer withdrew it",
    };

    /// <summary>Why a referral was withdrawn, in a sentence's middle: "recorded twice, the same as referral 12".</summary>
    public static string Withdrawn(WithdrawalReason reason, int? sameAs) =>
        $"{Withdrawal(reason).ToLowerInvariant()}{(sameAs is { } other ? $", the same as referral {other}" : "")}";

    public static string Waiting(WaitingReason reason) => reason == WaitingReason.AwaitingClinician
        ? "Waiting for a clinician to be available"
        : "Waiting for more information from the referrer";
}
