using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Referrals;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Demonstration;

/// <summary>
/// A few hundred synthetic clients for the demonstration (<c>./safeguard serve</c>), made by Bogus from a fixed seed so
/// that every installation shows the same ones: referrals, detention at the current removal centres with transfers,
/// assessments with Istanbul Protocol findings, medico-legal reports, Home Office events and outcomes, from 2019 to
/// mid-2025, and a queue of referrals waiting for triage. Nobody in it is a real person: names and references are
/// generated. Everything is encrypted as the application's own forms encrypt it; loading is one audit entry.
/// </summary>
internal static class DemonstrationCases
{
    /// <summary>How many clients the demonstration has.</summary>
    public const int Clients = 320;

    /// <summary>How many referrals wait for triage.</summary>
    public const int WaitingReferrals = 12;

    private const int Seed = 20_240_508;

    /// <summary>The last day of the demonstration's history, fixed so that the data does not change from day to day.</summary>
    private static readonly DateOnly LastDay = new(2025, 6, 30);

    private static readonly DateOnly FirstDay = new(2019, 1, 1);

    /// <summary>The removal centres open in 2024 (the charity's statistics name seven), used where the statistics module knows them.</summary>
    private static readonly string[] Centres = ["brook-house", "colnbrook", "derwentside", "dungavel", "harmondsworth", "tinsley-house", "yarls-wood"];

    private static readonly string[] Clinicians =
        ["Dr Amara Example", "Dr Tomas Sample", "Dr Ines Placeholder", "Dr Kofi Testwell", "Dr Maren Fictive", "Dr Oluwaseun Demo", "Dr Priya Synthetic", "Dr Hugo Mock"];

    private static readonly string[] SecondOpinionDoctors = ["Dr C. Contracted", "Dr R. Reviewer", "Dr S. Secondary"];

    private static readonly (string Nationality, string Languages)[] Origins =
    [
        ("Eritrean", "Tigrinya, Arabic"), ("Sudanese", "Arabic"), ("Afghan", "Pashto, Dari"), ("Iranian", "Farsi"), ("Iraqi", "Kurdish Sorani, Arabic"),
        ("Albanian", "Albanian"), ("Vietnamese", "Vietnamese"), ("Syrian", "Arabic"), ("Nigerian", "English, Yoruba"), ("Sri Lankan", "Tamil"),
    ];

    private static readonly string[] Locations = ["left forearm", "right forearm", "back", "both wrists", "soles of the feet", "left thigh", "scalp", "chest"];

    private static readonly string[] Lesions = ["linear scars", "round scars about 1 cm across", "hyperpigmented patches", "irregular scarring", "healed fracture deformity"];

    /// <summary>Adds the demonstration clients unless casework already has clients, or the setting leaves them out.</summary>
    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue(SafeguardSettings.CaseworkDemonstrationData, true))
        {
            return;
        }
        var db = services.GetRequiredService<CaseworkDbContext>();
        if (await db.Clients.AnyAsync(cancellationToken) || await db.Referrals.AnyAsync(cancellationToken))
        {
            return;
        }
        var known = (await services.GetRequiredService<PlacesOfDetention>().ListAsync(cancellationToken)).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var centres = Centres.Where(known.Contains).ToArray();
        if (centres.Length == 0)
        {
            return;
        }
        var cipher = services.GetRequiredService<FieldEncryption>();
        var faker = new Faker("en") { Random = new Randomizer(Seed) };
        var reports = new List<(CaseDocument Report, ClinicalAssessment Assessment)>();
        var clients = Enumerable.Range(0, Clients).Select(i => Client(faker, cipher, centres, i, reports)).ToList();
        db.Clients.AddRange(clients.Select(c => c.Client));
        var audit = services.GetRequiredService<CaseworkAudit>();
        await audit.ChangeAsync(db, AuditAction.Create, CaseworkAudit.Case, async token =>
        {
            await db.SaveChangesAsync(token);
            // Ids are known once saved: the case numbers name them, and each report names its assessment.
            foreach (var (report, assessment) in reports)
            {
                report.AssessmentId = assessment.Id;
            }
            foreach (var (client, referral) in clients)
            {
                client.CaseNumber = CaseNumbers.For(client.OpenedOn, client.Id);
                referral.ClientId = client.Id;
                db.Referrals.Add(referral);
            }
            db.Referrals.AddRange(Enumerable.Range(0, WaitingReferrals).Select(i => Referral(faker, cipher, centres, LastDay.AddDays(-i * 2), TriageStatus.Waiting)));
            await db.SaveChangesAsync(token);
            return "demonstration";
        }, () => $"demonstration data: {Clients} synthetic cases and {Clients + WaitingReferrals} referrals", cancellationToken);
    }

    private static (Client Client, Referral Referral) Client(
        Faker faker, FieldEncryption cipher, string[] centres, int index, List<(CaseDocument Report, ClinicalAssessment Assessment)> reports)
    {
        var random = faker.Random;
        var opened = FirstDay.AddDays(random.Int(0, LastDay.DayNumber - FirstDay.DayNumber - 20));
        var (nationality, languages) = random.ArrayElement(Origins);
        var client = new Client
        {
            CaseNumber = $"demo-{index}",
            OpenedOn = opened,
            NameCipher = cipher.Encrypt(faker.Name.FullName(), CaseFields.ClientName),
            DateOfBirthCipher = cipher.Encrypt(opened.AddYears(-random.Int(19, 60)).AddDays(-random.Int(0, 364)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CaseFields.ClientDateOfBirth),
            NationalityCipher = cipher.Encrypt(nationality, CaseFields.ClientNationality),
            LanguagesCipher = cipher.Encrypt(languages, CaseFields.ClientLanguages),
            HomeOfficeReferenceCipher = cipher.Encrypt($"{random.Char('A', 'Z')}{random.Int(1_000_000, 9_999_999)}", CaseFields.ClientHomeOfficeReference),
            ContactCipher = cipher.Encrypt($"Room {random.Int(1, 240)}, via the centre", CaseFields.ClientContact),
        };
        var referral = Referral(faker, cipher, centres, opened, TriageStatus.Accepted);
        // The Rwanda cohort: people detained for removal to Rwanda in 2022, as in the charity's own figures.
        var rwanda = opened.Year == 2022 && random.Bool(0.85f);
        if (rwanda)
        {
            client.Tags.Add(new ClientTag { Tag = "Rwanda removal" });
        }
        if (random.Bool(0.15f))
        {
            client.Tags.Add(new ClientTag { Tag = "Small boat arrival" });
        }

        // Detained a few days to two months before the referral; transferred now and then.
        var from = opened.AddDays(-random.Int(3, 60));
        var centre = referral.CentreSlug ?? random.ArrayElement(centres);
        var transfers = random.WeightedRandom([0, 1, 2], [0.7f, 0.22f, 0.08f]);
        for (var stay = 0; stay <= transfers; stay++)
        {
            var episode = new DetentionEpisode { CentreSlug = centre, From = from };
            client.Episodes.Add(episode);
            if (stay < transfers)
            {
                episode.To = from.AddDays(random.Int(5, 40));
                episode.EndedBy = EpisodeEnd.Transfer;
                from = episode.To.Value;
                centre = random.ArrayElement(centres.Where(c => c != centre).ToArray());
            }
        }

        DateOnly? served = null;
        if (random.Bool(0.85f))
        {
            var assessment = Assessment(faker, cipher, centre, opened.AddDays(random.Int(2, 21)), rwanda);
            client.Assessments.Add(assessment);
            if (random.Bool(0.85f))
            {
                served = Min(assessment.AssessedOn.AddDays(random.Int(5, 20)), LastDay);
                var report = Report(cipher, assessment.AssessedOn, served.Value);
                client.Documents.Add(report);
                reports.Add((report, assessment));
            }
        }
        Events(faker, cipher, client, opened, served);
        Outcome(faker, client, served ?? opened);
        return (client, referral);
    }

    private static readonly ReferralChannel[] StaffChannels =
        [ReferralChannel.Telephone, ReferralChannel.Telephone, ReferralChannel.Email, ReferralChannel.Letter, ReferralChannel.InPerson];

    private static Referral Referral(Faker faker, FieldEncryption cipher, string[] centres, DateOnly received, TriageStatus status)
    {
        var random = faker.Random;
        var kind = random.WeightedRandom([ReferrerKind.Lawyer, ReferrerKind.VisitorGroup, ReferrerKind.Ngo, ReferrerKind.DetainedPerson], [0.45f, 0.2f, 0.2f, 0.15f]);
        var at = received.ToDateTime(new TimeOnly(random.Int(8, 18), random.Int(0, 59)), DateTimeKind.Utc);
        return new Referral
        {
            ReceivedAtUtc = at,
            RecordedAtUtc = at,
            // The other ways from the minute already drawn, so the seed's sequence (and every later record) stays as it was.
            Channel = random.Bool(0.6f) ? ReferralChannel.PublicForm
                : StaffChannels[at.Minute % StaffChannels.Length],
            ConsentConfirmed = true,
            ReferrerKind = kind,
            ReferrerNameCipher = cipher.Encrypt(faker.Name.FullName(), CaseFields.ReferrerName),
            ReferrerOrganisationCipher = cipher.Encrypt(kind == ReferrerKind.DetainedPerson ? null : $"{faker.Company.CompanyName()} (synthetic)", CaseFields.ReferrerOrganisation),
            ReferrerContactCipher = cipher.Encrypt(faker.Internet.Email(provider: "example.org"), CaseFields.ReferrerContact),
            PersonNameCipher = cipher.Encrypt(faker.Name.FullName(), CaseFields.ReferralPersonName),
            CentreSlug = random.ArrayElement(centres),
            ConcernCipher = cipher.Encrypt(random.ArrayElement([
                "Describes torture before arrival; scars on the back; cannot sleep.",
                "Says he wants to die; stopped eating a week ago.",
                "Untreated injuries from a beating; flashbacks.",
                "Pregnant and bleeding; removal date set.",
            ]), CaseFields.ReferralConcern),
            Urgency = random.Bool(0.3f) ? Urgency.Urgent : Urgency.Routine,
            Status = status,
            TriagedAtUtc = status == TriageStatus.Waiting ? null : at.AddDays(random.Int(0, 2)),
            TriagedBy = status == TriageStatus.Waiting ? null : "system",
        };
    }

    private static ClinicalAssessment Assessment(Faker faker, FieldEncryption cipher, string centre, DateOnly on, bool rwanda)
    {
        var random = faker.Random;
        var torture = random.Bool(rwanda ? 0.82f : 0.6f);
        var suicidal = random.Bool(rwanda ? 0.78f : 0.45f);
        var assessment = new ClinicalAssessment
        {
            ClinicianName = random.ArrayElement(Clinicians),
            AssessedOn = Min(on, LastDay),
            CentreSlug = centre,
            InterpreterUsed = random.Bool(0.65f),
            Mode = random.Bool(0.2f) ? AssessmentMode.Remote : AssessmentMode.InPerson,
            Ptsd = random.Bool(torture ? 0.75f : 0.35f),
            Depression = random.Bool(0.6f),
            SuicidalThoughts = suicidal,
            OtherPsychologicalFindingsCipher = cipher.Encrypt(random.Bool(0.3f) ? "Panic attacks in confined spaces." : null, CaseFields.OtherPsychologicalFindings),
            SupportsTortureAccount = torture,
            HarmFromDetentionLikely = torture || suicidal || random.Bool(0.4f),
            OpinionCipher = cipher.Encrypt("Continued detention is likely to worsen the person's mental health.", CaseFields.Opinion),
            AdultsAtRiskLevel = random.WeightedRandom<int?>([null, 2, 3], [0.2f, 0.3f, 0.5f]),
            RecordedAtUtc = on.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
            RecordedBy = "system",
        };
        if (torture)
        {
            assessment.PhysicalFindings.AddRange(Enumerable.Range(0, random.Int(1, 3)).Select(_ => new PhysicalFinding
            {
                LocationCipher = cipher.Encrypt(random.ArrayElement(Locations), CaseFields.FindingLocation),
                DescriptionCipher = cipher.Encrypt(random.ArrayElement(Lesions), CaseFields.FindingDescription),
                Consistency = random.WeightedRandom(
                    [ConsistencyGrade.ConsistentWith, ConsistencyGrade.HighlyConsistentWith, ConsistencyGrade.TypicalOf, ConsistencyGrade.DiagnosticOf],
                    [0.3f, 0.4f, 0.25f, 0.05f]),
            }));
        }
        return assessment;
    }

    private static CaseDocument Report(FieldEncryption cipher, DateOnly assessedOn, DateOnly served)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Synthetic medico-legal report for the Safeguard demonstration, assessment of {assessedOn:yyyy-MM-dd}. No real person."));
        var document = new CaseDocument { Kind = DocumentKind.MedicoLegalReport, ServedOn = served };
        document.Versions.Add(new CaseDocumentVersion
        {
            Number = 1,
            UploadedAtUtc = served.AddDays(-1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            UploadedBy = "system",
            FileNameCipher = cipher.Encrypt("medico-legal-report.txt", CaseFields.DocumentFileName),
            ContentType = "text/plain",
            SizeBytes = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            ContentCipher = cipher.EncryptBytes(content, CaseFields.DocumentContent),
        });
        return document;
    }

    private static void Events(Faker faker, FieldEncryption cipher, Client client, DateOnly opened, DateOnly? served)
    {
        var random = faker.Random;
        void Add(HomeOfficeEventKind kind, DateOnly on, int? paragraph = null, DetentionDecision? decision = null, string? author = null)
        {
            if (on <= LastDay)
            {
                client.HomeOfficeEvents.Add(new HomeOfficeEvent
                {
                    Kind = kind,
                    OccurredOn = on,
                    Rule35Paragraph = paragraph,
                    Decision = decision,
                    SecondOpinionAuthor = author,
                    NoteCipher = cipher.Encrypt(null, CaseFields.HomeOfficeNote),
                    RecordedAtUtc = on.ToDateTime(new TimeOnly(17, 30), DateTimeKind.Utc),
                    RecordedBy = "system",
                });
            }
        }
        if (random.Bool(0.4f))
        {
            var report = opened.AddDays(random.Int(-10, 10));
            Add(HomeOfficeEventKind.Rule35Report, report, random.WeightedRandom([1, 2, 3], [0.05f, 0.05f, 0.9f]));
            if (random.Bool(0.85f))
            {
                Add(HomeOfficeEventKind.Rule35Response, report.AddDays(random.Int(2, 25)));
            }
        }
        if (served is not { } day)
        {
            return;
        }
        var decided = day.AddDays(random.Int(3, 45));
        if (random.Bool(0.3f))
        {
            var requested = day.AddDays(random.Int(2, 10));
            Add(HomeOfficeEventKind.SecondOpinionRequested, requested);
            var received = requested.AddDays(random.Int(10, 60));
            Add(HomeOfficeEventKind.SecondOpinionReceived, received, author: random.ArrayElement(SecondOpinionDoctors));
            decided = received.AddDays(random.Int(1, 14));
        }
        if (random.Bool(0.75f))
        {
            Add(HomeOfficeEventKind.AdultsAtRiskDecision, decided, decision: random.Bool(0.8f) ? DetentionDecision.Release : DetentionDecision.DetentionMaintained);
        }
    }

    private static void Outcome(Faker faker, Client client, DateOnly after)
    {
        var random = faker.Random;
        var outcome = random.WeightedRandom(
            [Cases.Outcome.Released, Cases.Outcome.Removed, Cases.Outcome.StillDetained, Cases.Outcome.Transferred, Cases.Outcome.LostContact],
            [0.76f, 0.08f, 0.08f, 0.03f, 0.05f]);
        var on = Min(after.AddDays(random.Int(1, 50)), LastDay);
        if (outcome == Cases.Outcome.StillDetained && after < LastDay.AddDays(-200))
        {
            // Nobody in an old case is still detained years later.
            outcome = Cases.Outcome.Released;
        }
        client.Outcome = outcome;
        if (outcome == Cases.Outcome.StillDetained)
        {
            return;
        }
        client.OutcomeOn = on;
        client.ReleaseRoute = outcome == Cases.Outcome.Released
            ? random.WeightedRandom([ReleaseRoute.HomeOfficeRelease, ReleaseRoute.TribunalBail, ReleaseRoute.CourtOrder], [0.6f, 0.35f, 0.05f])
            : null;
        var last = client.Episodes[^1];
        if (outcome is Cases.Outcome.Released or Cases.Outcome.Removed)
        {
            last.To = on < last.From ? last.From : on;
            last.EndedBy = outcome == Cases.Outcome.Released ? EpisodeEnd.Release : EpisodeEnd.Removal;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
