using Safeguard.Platform.Web;

namespace Safeguard.Casework;

/// <summary>The addresses of the casework pages that other code links or redirects to.</summary>
internal static class CaseworkPaths
{
    public const string Cases = StaffAddresses.Cases;
    public const string Dashboard = StaffAddresses.CaseworkDashboard;
    public const string Limitation = "/staff/casework/limitation";
    public const string Referrals = StaffAddresses.Referrals;
    public const string RecordReferral = StaffAddresses.RecordReferral;
    public const string Cohorts = StaffAddresses.Cohorts;
    public const string CohortsCsv = "/staff/cohorts.csv";
    public const string Refer = "/refer";
    public const string ReferralSent = "/refer/sent";

    public static string Case(string caseNumber) => $"{Cases}/{caseNumber}";

    /// <summary>A case's document upload form, as its page's route (<c>Cases/Upload</c>) has it.</summary>
    public const string DocumentUpload = "/staff/cases/{caseNumber}/documents";

    /// <summary>The page that deletes stay <paramref name="episode"/> of a case, after asking (<c>Deletions/DeleteEpisode</c>).</summary>
    public static string EpisodeDeletion(string caseNumber, int episode) => $"{Case(caseNumber)}/detention/{episode}/delete";

    /// <summary>The page that deletes clinical assessment <paramref name="assessment"/> of a case with its findings, after asking (<c>Deletions/DeleteAssessment</c>).</summary>
    public static string AssessmentDeletion(string caseNumber, int assessment) => $"{Case(caseNumber)}/assessments/{assessment}/delete";

    /// <summary>The page that deletes physical finding <paramref name="finding"/> of an assessment, after asking (<c>Deletions/DeleteFinding</c>).</summary>
    public static string FindingDeletion(string caseNumber, int assessment, int finding) => $"{Case(caseNumber)}/assessments/{assessment}/findings/{finding}/delete";

    /// <summary>The page that deletes Home Office event <paramref name="homeOfficeEvent"/> of a case, after asking (<c>Deletions/DeleteHomeOfficeEvent</c>).</summary>
    public static string HomeOfficeEventDeletion(string caseNumber, int homeOfficeEvent) => $"{Case(caseNumber)}/home-office/{homeOfficeEvent}/delete";

    public static string Referral(int id) => $"{Referrals}/{id}";

    /// <summary>The page that withdraws waiting referral <paramref name="id"/>, after asking (<c>Supervision/Withdraw</c>).</summary>
    public static string ReferralWithdrawal(int id) => $"{Referral(id)}/withdraw";

    /// <summary>The confirmation a member of staff sees after recording referral <paramref name="id"/>.</summary>
    public static string ReferralRecorded(int id) => $"{Referrals}/{id}/recorded";
}
