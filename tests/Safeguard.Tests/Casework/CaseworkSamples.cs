using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Audit.Data;
using Safeguard.Audit.Searching;
using Safeguard.Casework.Access;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Referrals;

namespace Safeguard.Tests.Casework;

/// <summary>A synthetic case made through the module's own services, and the ids of its records.</summary>
public sealed record SampleCase(string CaseNumber, int Episode, int Assessment, int Document, int Version, int WaitingReferral, int Finding, int HomeOfficeEvent);

/// <summary>Synthetic casework for tests: a referral accepted into a case with a stay, an assessment and a report.</summary>
internal static class CaseworkSamples
{
    /// <summary>A synthetic person; no real one.</summary>
    public const string PersonName = "Zephyrine Quillfeather";

    public static ReferralInput Referral(string personName = PersonName, string? centre = "brook-house") => new(
        ReferrerKind.Lawyer, "Test Referrer", "Example Law LLP", "referrer@example.org", personName, new DateOnly(1990, 4, 1),
        "Utopian", "Esperanto", "X1234567", centre, "Scars on both forearms; not sleeping; thoughts of suicide.", Urgency.Urgent);

    /// <summary>A complete referral as a lawyer would send it, for a synthetic person.</summary>
    public static KeyValuePair<string, string>[] PublicReferralForm(string personName) =>
    [
        new("ReferrerKind", "Lawyer"), new("ReferrerName", "Ada Solicitor"), new("Organisation", "Example Law LLP"), new("Email", "ada@example.org"),
        new("PersonName", personName), new("DateOfBirth", "01/04/1990"), new("Centre", "colnbrook"),
        new("Concern", "Scars on his back from beatings; says he wants to die."), new("Urgency", "Urgent"), new("Consent", "yes"),
    ];

    /// <summary>
    /// A case assigned to <paramref name="assignedAccountIds"/>, with a stay at Brook House, an assessment with a
    /// finding and its report, and a detention review; and a waiting referral.
    /// </summary>
    public static async Task<SampleCase> CreateAsync(IServiceProvider services, IReadOnlyCollection<string> assignedAccountIds, IReadOnlyCollection<string>? tags = null, string personName = PersonName)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var scope = services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<ReferralDesk>();
        // The referral names no place, so that the case's stays are the one added below (a place would be a first stay).
        var referral = int.Parse(await desk.ReceiveAsync(Referral(personName, centre: null), new ReferralArrival(ReferralChannel.Telephone, null, ConsentConfirmed: true), cancel), System.Globalization.CultureInfo.InvariantCulture);
        var caseNumber = (await desk.AcceptAsync(referral, assignedAccountIds, tags ?? [], agreementConfirmedNow: false, cancel)).ShouldNotBeNull();
        var waiting = int.Parse(await desk.ReceiveAsync(Referral(personName), new ReferralArrival(ReferralChannel.Telephone, null, ConsentConfirmed: true), cancel), System.Globalization.CultureInfo.InvariantCulture);

        var opened = await OpenAsync(scope.ServiceProvider, caseNumber);
        var book = scope.ServiceProvider.GetRequiredService<CaseBook>();
        var episode = (await book.SaveEpisodeAsync(opened, null, new EpisodeInput("brook-house", new DateOnly(2024, 3, 1), null, null), cancel)).ShouldNotBeNull();
        var assessment = (await book.SaveAssessmentAsync(opened, null, new AssessmentInput("Dr R. Example", new DateOnly(2024, 3, 10), "brook-house", true, AssessmentMode.InPerson,
            true, false, true, "Nightmares every night", true, true, "Continued detention is likely to cause serious harm.", 3), cancel)).ShouldNotBeNull();
        var finding = (await book.SaveFindingAsync(opened, assessment, null, new FindingInput("Left forearm", "Linear scars, 4 cm", ConsistencyGrade.HighlyConsistentWith), cancel)).ShouldNotBeNull();
        var (document, version) = (await book.UploadAsync(opened, new DocumentUpload(null, DocumentKind.MedicoLegalReport, assessment, new DateOnly(2024, 3, 20),
            "mlr-zephyrine.pdf", "application/pdf", "%PDF-1.4 synthetic report"u8.ToArray()), cancel)).ShouldNotBeNull();
        // A review that maintained detention: no clock counts it, and nothing waits on it.
        var review = (await book.SaveHomeOfficeEventAsync(opened, null, new HomeOfficeEventInput(HomeOfficeEventKind.DetentionReview, new DateOnly(2024, 3, 15), null,
            DetentionDecision.DetentionMaintained, null, "Review by telephone"), cancel)).ShouldNotBeNull();
        return new SampleCase(caseNumber, episode, assessment, document, version, waiting, finding, review);
    }

    /// <summary>What <paramref name="actor"/> did to cases (to <paramref name="caseNumber"/> only, when given), as the audit trail says, newest first.</summary>
    public static async Task<List<AuditEntry>> CaseEntriesAsync(IServiceProvider services, string actor, string? caseNumber = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditQuery>()
            .SearchAsync(new AuditSearch { Actor = actor, RecordType = "case", RecordId = caseNumber, Limit = 1000 }, TestContext.Current.CancellationToken);
    }

    /// <summary>A waiting referral recorded by staff account <paramref name="accountId"/> (as if by telephone, today), for pages that show a referral only to whoever recorded it.</summary>
    public static async Task<int> RecordedByAsync(IServiceProvider services, string accountId)
    {
        await using var scope = services.CreateAsyncScope();
        var desk = ActivatorUtilities.CreateInstance<ReferralDesk>(scope.ServiceProvider, new RecordingStaff(accountId));
        return int.Parse(await desk.ReceiveAsync(Referral(), new ReferralArrival(ReferralChannel.Telephone, null, ConsentConfirmed: true), TestContext.Current.CancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class RecordingStaff(string accountId) : Safeguard.Audit.Contracts.IAuditOrigin
    {
        public string Actor => accountId;

        public string Source => "test";
    }

    /// <summary>Opens a case as the system would (the tests' own access, outside any request).</summary>
    public static async Task<OpenedCase> OpenAsync(IServiceProvider services, string caseNumber)
    {
        var id = await services.GetRequiredService<CaseworkDbContext>().Clients.Where(c => c.CaseNumber == caseNumber).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        return new OpenedCase(id, caseNumber, AsSupervisor: false);
    }
}
