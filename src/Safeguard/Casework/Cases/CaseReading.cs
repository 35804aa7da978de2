using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Clocks;
using Safeguard.Casework.Data;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Referrals;
using Safeguard.Platform.Encryption;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Cases;

internal sealed record EpisodeView(int Id, string CentreSlug, string Centre, DateOnly From, DateOnly? To, EpisodeEnd? EndedBy);

internal sealed record FindingView(int Id, string Location, string Description, ConsistencyGrade Consistency);

internal sealed record AssessmentView(
    int Id, string ClinicianName, DateOnly AssessedOn, string CentreSlug, string Centre, bool InterpreterUsed, AssessmentMode Mode,
    bool Ptsd, bool Depression, bool SuicidalThoughts, string? OtherPsychologicalFindings,
    bool SupportsTortureAccount, bool HarmFromDetentionLikely, string? Opinion, int? AdultsAtRiskLevel,
    IReadOnlyList<FindingView> Findings, bool HasReport);

internal sealed record VersionView(int Number, DateTime UploadedAtUtc, string FileName, long SizeBytes, string Sha256);

internal sealed record DocumentView(int Id, DocumentKind Kind, int? AssessmentId, DateOnly? ServedOn, IReadOnlyList<VersionView> Versions);

internal sealed record HomeOfficeEventView(int Id, HomeOfficeEventKind Kind, DateOnly OccurredOn, int? Rule35Paragraph, DetentionDecision? Decision, string? SecondOpinionAuthor, string? Note);

/// <summary>One line of a case's timeline.</summary>
internal sealed record TimelineEntry(DateOnly On, string What);

/// <summary>A case as its page shows it, decrypted for the member of staff who opened it.</summary>
internal sealed record CaseView(
    string CaseNumber,
    DateOnly OpenedOn,
    ClientIdentity Identity,
    IReadOnlyList<string> Tags,
    Outcome Outcome,
    DateOnly? OutcomeOn,
    ReleaseRoute? ReleaseRoute,
    IReadOnlyList<EpisodeView> Episodes,
    IReadOnlyList<AssessmentView> Assessments,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<HomeOfficeEventView> HomeOfficeEvents,
    IReadOnlyList<string> AssignedStaff,
    CaseClockReading Clocks,
    IReadOnlyList<AwaitedResponse> Awaited,
    IReadOnlyList<TimelineEntry> Timeline,
    bool AsSupervisor);

/// <summary>Reads a case opened through <see cref="CaseAccess"/> (which recorded the read) and decrypts it for its page.</summary>
internal sealed class CaseReading(CaseworkDbContext db, FieldEncryption cipher, PlacesOfDetention places, StaffDirectory staff, TimeProvider time)
{
    public async Task<CaseView> ReadAsync(OpenedCase opened, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().AsSplitQuery()
            .Include(c => c.Tags).Include(c => c.Episodes).Include(c => c.Assessments).ThenInclude(a => a.PhysicalFindings)
            .Include(c => c.HomeOfficeEvents).Include(c => c.Assignments)
            .SingleAsync(c => c.Id == opened.ClientId, cancellationToken);
        // Documents without their bytes: a page lists versions, it does not download them.
        var documents = await db.Documents.AsNoTracking().Where(d => d.ClientId == opened.ClientId).OrderBy(d => d.Id)
            .Select(d => new
            {
                Document = d,
                Versions = d.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.UploadedAtUtc, v.FileNameCipher, v.SizeBytes, v.Sha256 }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var referrals = (await db.Referrals.AsNoTracking().Where(r => r.ClientId == opened.ClientId).OrderBy(r => r.ReceivedAtUtc).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.ReceivedAtUtc, r.Channel, r.ReferrerKind, r.ReferrerOrganisationCipher }).ToListAsync(cancellationToken))
            .Select(r => new TimelineEntry(DateOnly.FromDateTime(r.ReceivedAtUtc), ReferralReceived(r.Id, r.Channel, r.ReferrerKind,
                cipher.Decrypt(r.ReferrerOrganisationCipher, CaseFields.ReferrerOrganisation))))
            .ToList();
        var centres = (await places.ListAsync(cancellationToken)).ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal);
        string Centre(string slug) => centres.GetValueOrDefault(slug, slug);
        var names = await staff.NamesAsync(client.Assignments.Select(a => a.AccountId));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var dates = CaseFacts.Dates(client.Episodes, documents.Select(d => d.Document), client.HomeOfficeEvents, client.Outcome, client.OutcomeOn);
        var reported = documents.Where(d => d.Document.Kind == DocumentKind.MedicoLegalReport && d.Document.AssessmentId is not null)
            .Select(d => d.Document.AssessmentId!.Value).ToHashSet();

        var episodes = client.Episodes.OrderBy(e => e.From).Select(e => new EpisodeView(e.Id, e.CentreSlug, Centre(e.CentreSlug), e.From, e.To, e.EndedBy)).ToList();
        var assessments = client.Assessments.OrderBy(a => a.AssessedOn).Select(a => new AssessmentView(
            a.Id, a.ClinicianName, a.AssessedOn, a.CentreSlug, Centre(a.CentreSlug), a.InterpreterUsed, a.Mode, a.Ptsd, a.Depression, a.SuicidalThoughts,
            cipher.Decrypt(a.OtherPsychologicalFindingsCipher, CaseFields.OtherPsychologicalFindings),
            a.SupportsTortureAccount, a.HarmFromDetentionLikely, cipher.Decrypt(a.OpinionCipher, CaseFields.Opinion), a.AdultsAtRiskLevel,
            [.. a.PhysicalFindings.OrderBy(f => f.Id).Select(f => new FindingView(f.Id,
                cipher.Decrypt(f.LocationCipher, CaseFields.FindingLocation), cipher.Decrypt(f.DescriptionCipher, CaseFields.FindingDescription), f.Consistency))],
            reported.Contains(a.Id))).ToList();
        var documentViews = documents.Select(d => new DocumentView(d.Document.Id, d.Document.Kind, d.Document.AssessmentId, d.Document.ServedOn,
            [.. d.Versions.Select(v => new VersionView(v.Number, v.UploadedAtUtc, cipher.Decrypt(v.FileNameCipher, CaseFields.DocumentFileName), v.SizeBytes, v.Sha256))])).ToList();
        var events = client.HomeOfficeEvents.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).Select(e => new HomeOfficeEventView(
            e.Id, e.Kind, e.OccurredOn, e.Rule35Paragraph, e.Decision, e.SecondOpinionAuthor, cipher.Decrypt(e.NoteCipher, CaseFields.HomeOfficeNote))).ToList();

        return new CaseView(
            client.CaseNumber,
            client.OpenedOn,
            new ClientIdentity(
                cipher.Decrypt(client.NameCipher, CaseFields.ClientName),
                cipher.Decrypt(client.DateOfBirthCipher, CaseFields.ClientDateOfBirth) is { } birth ? DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                cipher.Decrypt(client.NationalityCipher, CaseFields.ClientNationality),
                cipher.Decrypt(client.LanguagesCipher, CaseFields.ClientLanguages),
                cipher.Decrypt(client.HomeOfficeReferenceCipher, CaseFields.ClientHomeOfficeReference),
                cipher.Decrypt(client.ContactCipher, CaseFields.ClientContact)),
            [.. client.Tags.Select(t => t.Tag).Order(StringComparer.CurrentCulture)],
            client.Outcome,
            client.OutcomeOn,
            client.ReleaseRoute,
            episodes,
            assessments,
            documentViews,
            events,
            [.. client.Assignments.Select(a => names[a.AccountId]).Order(StringComparer.CurrentCulture)],
            CaseClocks.Read(dates, today),
            CaseFacts.Awaited(dates, client.HomeOfficeEvents, client.Outcome),
            Timeline(client, referrals, episodes, assessments, documentViews, events),
            opened.AsSupervisor);
    }

    private static List<TimelineEntry> Timeline(
        Client client, List<TimelineEntry> referrals, List<EpisodeView> episodes, List<AssessmentView> assessments, List<DocumentView> documents, List<HomeOfficeEventView> events)
    {
        var timeline = new List<TimelineEntry>(referrals) { new(client.OpenedOn, "Case opened") };
        foreach (var episode in episodes)
        {
            timeline.Add(new(episode.From, $"Detained at {episode.Centre}"));
            if (episode is { To: { } to, EndedBy: { } end })
            {
                timeline.Add(new(to, $"{CaseText.EndedBy(end)} from {episode.Centre}"));
            }
            else if (episode.To is { } left)
            {
                timeline.Add(new(left, $"Left {episode.Centre}"));
            }
        }
        timeline.AddRange(assessments.Select(a => new TimelineEntry(a.AssessedOn, $"Clinical assessment by {a.ClinicianName} ({CaseText.Mode(a.Mode).ToLowerInvariant()}, {a.Centre})")));
        foreach (var document in documents)
        {
            timeline.AddRange(document.Versions.Select(v => new TimelineEntry(DateOnly.FromDateTime(v.UploadedAtUtc), $"{CaseText.Kind(document.Kind)} uploaded (version {v.Number})")));
            if (document.ServedOn is { } served)
            {
                timeline.Add(new(served, $"{CaseText.Kind(document.Kind)} served on the Home Office"));
            }
        }
        timeline.AddRange(events.Select(e => new TimelineEntry(e.OccurredOn, Describe(e))));
        if (client.OutcomeOn is { } outcomeOn)
        {
            timeline.Add(new(outcomeOn, client.ReleaseRoute is { } route ? $"{CaseText.Outcome(client.Outcome)}: {CaseText.Route(route).ToLowerInvariant()}" : CaseText.Outcome(client.Outcome)));
        }
        // A stable order: by day, then in the order the day's events happened as listed above.
        return [.. timeline.Select((entry, index) => (entry, index)).OrderBy(e => e.entry.On).ThenBy(e => e.index).Select(e => e.entry)];
    }

    /// <summary>
    /// A referral the case came from, as the timeline says it: who referred by their organisation (the referrer's own
    /// name stays on the case page's referral section), and how it came ("Referral 12 received from Example Law LLP, a
    /// lawyer (telephone)").
    /// </summary>
    private static string ReferralReceived(int id, ReferralChannel channel, ReferrerKind kind, string? organisation)
    {
        // "A lawyer", "Another charity or NGO": only the first letter is lowered, mid-sentence.
        var said = CaseText.Referrer(kind);
        var referrer = $"{char.ToLowerInvariant(said[0])}{said[1..]}";
        return $"Referral {id} received from {(organisation is null ? referrer : $"{organisation}, {referrer}")} ({CaseText.Channel(channel).ToLowerInvariant()})";
    }

    /// <summary>Something the Home Office did, as the timeline says it: "Rule 35(3) report", "Adults at Risk decision: release".</summary>
    public static string Describe(HomeOfficeEventView homeOfficeEvent) => homeOfficeEvent switch
    {
        { Kind: HomeOfficeEventKind.Rule35Report, Rule35Paragraph: { } paragraph } => $"Rule 35({paragraph}) report",
        { Kind: HomeOfficeEventKind.SecondOpinionReceived, SecondOpinionAuthor: { } author } => $"Second opinion received from {author}",
        { Decision: { } decision } => $"{CaseText.Kind(homeOfficeEvent.Kind)}: {CaseText.Decision(decision).ToLowerInvariant()}",
        _ => CaseText.Kind(homeOfficeEvent.Kind),
    };
}
