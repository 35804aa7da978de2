using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Cohorts;
using Safeguard.Casework.Data;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Protection;
using Safeguard.Platform.Encryption;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// The cohort page and its CSV through the real pipeline, on each engine: suppression, differencing between nested
/// cohorts, who may see them, and the audit trail. Each test has tags of its own, so the cohorts one test shows are
/// never nested in another's (except "all clients", around every one, which differs from them by hundreds).
/// </summary>
public abstract class CohortHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary><paramref name="size"/> synthetic clients with a tag of their own, each with a report; the first <paramref name="released"/> released.</summary>
    private async Task<string> CohortAsync(int size, int released)
    {
        var tag = $"Cohort test {Guid.NewGuid():N}"[..24];
        for (var i = 0; i < size; i++)
        {
            var sample = await CaseworkSamples.CreateAsync(factory.Services, [], [tag], $"Synthetic Person {i}");
            if (i < released)
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseBook>().SetOutcomeAsync(await CaseworkSamples.OpenAsync(scope.ServiceProvider, sample.CaseNumber),
                    new OutcomeInput(Outcome.Released, new DateOnly(2024, 5, 1), ReleaseRoute.TribunalBail), Cancel);
            }
        }
        return tag;
    }

    private async Task<StaffBrowser> SignedInAsync(string role)
    {
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(await StaffBrowser.CreateAsync(factory, role));
        return browser;
    }

    private static string Query(string tag) => $"?Tags={Uri.EscapeDataString(tag)}";

    private static string NewTag() => $"Differencing {Guid.NewGuid():N}"[..26];

    /// <summary>
    /// <paramref name="count"/> synthetic clients tagged <paramref name="tag"/>, held at <paramref name="centre"/>,
    /// none with a report, added straight to the database (the counts are all these tests need): the first
    /// <paramref name="tortureSurvivors"/> found to be torture survivors, the first <paramref name="suicidal"/> with
    /// suicidal thoughts, the first <paramref name="released"/> released.
    /// </summary>
    private async Task AddClientsAsync(string tag, string centre, int count, int tortureSurvivors = 0, int suicidal = 0, int released = 0)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var cipher = scope.ServiceProvider.GetRequiredService<FieldEncryption>();
        for (var i = 0; i < count; i++)
        {
            var client = new Client
            {
                CaseNumber = $"T-{Guid.NewGuid():N}"[..20],
                OpenedOn = new DateOnly(2024, 2, 1),
                NameCipher = cipher.Encrypt($"Synthetic Differencing Person {i}", CaseFields.ClientName)!,
                Outcome = i < released ? Outcome.Released : Outcome.StillDetained,
                OutcomeOn = i < released ? new DateOnly(2024, 5, 1) : null,
            };
            client.Tags.Add(new ClientTag { Tag = tag });
            client.Episodes.Add(new DetentionEpisode { CentreSlug = centre, From = new DateOnly(2024, 1, 20) });
            client.Assessments.Add(new ClinicalAssessment
            {
                ClinicianName = "Dr Synthetic Example",
                CentreSlug = centre,
                AssessedOn = new DateOnly(2024, 2, 10),
                RecordedBy = "test",
                SupportsTortureAccount = i < tortureSurvivors,
                SuicidalThoughts = i < suicidal,
            });
            db.Clients.Add(client);
        }
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>Each row of a table of the figures, by its heading: the number and the percentage, as shown.</summary>
    private static Dictionary<string, (string Number, string Percentage)> Table(IHtmlDocument page, string caption) =>
        page.QuerySelectorAll("caption").Single(c => c.TextContent == caption).ParentElement!.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent, r => (r.QuerySelectorAll("td")[0].TextContent.Trim(), r.QuerySelectorAll("td")[1].TextContent.Trim()));

    /// <summary>The CSV's rows for the cohort (the first table): measure, count, percentage and note.</summary>
    private static async Task<Dictionary<string, (string Count, string Percentage, string Note)>> CsvAsync(StaffBrowser reader, string query)
    {
        var text = Encoding.UTF8.GetString(await reader.Client.GetByteArrayAsync(CaseworkPaths.CohortsCsv + query, Cancel)).TrimStart('\uFEFF');
        await using var rows = await Sylvan.Data.Csv.CsvDataReader.CreateAsync(new StringReader(text), null, Cancel);
        var cohort = new Dictionary<string, (string, string, string)>();
        while (await rows.ReadAsync(Cancel))
        {
            if (rows.GetString(1) == "the cohort")
            {
                cohort[rows.GetString(2)] = (rows.GetString(3), rows.GetString(4), rows.GetString(5));
            }
        }
        return cohort;
    }

    private const string SmallNote = "held back: fewer than 5";

    private const string ComplementNote = "held back so that a small group cannot be worked out from the others";

    private const string HeldBackNote = "held back: with the figures of another cohort already shown, it would reveal fewer than 5 clients by subtraction";

    /// <summary>A tag of 60 clients: 50 held at Brook House, 30 of them torture survivors; 10 at Colnbrook, 4 of them torture survivors.</summary>
    private async Task<string> FiftyAtBrookHouseAndTenElsewhereAsync()
    {
        var tag = NewTag();
        await AddClientsAsync(tag, "brook-house", 50, tortureSurvivors: 30, suicidal: 20, released: 25);
        await AddClientsAsync(tag, "colnbrook", 10, tortureSurvivors: 4, suicidal: 5, released: 5);
        return tag;
    }

    private static string AtCentre(string tag, string centre) => $"{Query(tag)}&Centre={centre}";

    [Fact]
    public async Task NarrowedCohort_DifferingByFour_ShowsNothing_OnThePageOrInTheCsv()
    {
        // "Rwanda removal": 48 clients; the same tag held at one centre: 44. Subtraction would describe the other 4.
        var tag = NewTag();
        await AddClientsAsync(tag, "brook-house", 44, tortureSurvivors: 30, suicidal: 20, released: 40);
        await AddClientsAsync(tag, "colnbrook", 4, tortureSurvivors: 2, suicidal: 1, released: 3);
        var researcher = await SignedInAsync(StaffRoles.Researcher);

        var wide = await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag));
        Table(wide, "The cohort")["All in the group"].Number.ShouldBe("48");
        wide.QuerySelector("#cohort-held-back").ShouldBeNull();

        // 40 of the 44 released is held back as it would be on its own (the 4 not released); everything else is held back by subtraction.
        var narrow = await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "brook-house"));
        var cohort = Table(narrow, "The cohort");
        cohort["All in the group"].ShouldBe(("held back", ""));
        cohort["Torture survivors"].ShouldBe(("held back", ""));
        cohort["Released"].ShouldBe((ComplementNote, ""));
        cohort.Values.ShouldAllBe(row => (row.Number == "held back" || row.Number == ComplementNote) && row.Percentage == "");
        var withReport = Table(narrow, $"Of the cohort, those {CohortQuery.WithReport}");
        withReport.ShouldNotBeEmpty();
        withReport.Values.ShouldAllBe(row => row.Number.StartsWith("held back", StringComparison.Ordinal));
        narrow.QuerySelector("#cohort-held-back")!.TextContent.ShouldBe("Held back: with the figures of another cohort already shown, it would reveal fewer than 5 clients by subtraction.");

        var csv = await CsvAsync(researcher, AtCentre(tag, "brook-house"));
        csv.Values.ShouldAllBe(row => row.Count == "" && row.Percentage == "");
        csv["clients"].Note.ShouldBe(HeldBackNote);
        csv[CohortQuery.TortureSurvivors].Note.ShouldBe(HeldBackNote);
        csv[CohortQuery.Released].Note.ShouldBe(ComplementNote);
    }

    [Fact]
    public async Task NarrowedCohort_DifferingByTenOfWhomFourAreTortureSurvivors_HoldsBackThatFigureOnly()
    {
        var tag = await FiftyAtBrookHouseAndTenElsewhereAsync();
        var researcher = await SignedInAsync(StaffRoles.Researcher);
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort")["Torture survivors"].ShouldBe(("34", "57%"));

        var narrow = Table(await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "brook-house")), "The cohort");
        narrow["Torture survivors"].ShouldBe(("held back", ""), "30, with the 34 shown before, would reveal the 4 torture survivors held elsewhere");
        narrow["All in the group"].ShouldBe(("50", "100%"));
        narrow["With suicidal thoughts"].ShouldBe(("20", "40%"));
        narrow["Released"].ShouldBe(("25", "50%"));

        var csv = await CsvAsync(researcher, AtCentre(tag, "brook-house"));
        csv[CohortQuery.TortureSurvivors].ShouldBe(("", "", HeldBackNote));
        csv["clients"].ShouldBe(("50", "100", ""));
        csv[CohortQuery.SuicidalThoughts].ShouldBe(("20", "40", ""));
    }

    [Fact]
    public async Task NarrowedCohortShownFirst_TheWiderOneIsHeldBackInstead()
    {
        var tag = await FiftyAtBrookHouseAndTenElsewhereAsync();
        var researcher = await SignedInAsync(StaffRoles.Researcher);
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "brook-house")), "The cohort")["Torture survivors"].ShouldBe(("30", "60%"));

        var wide = Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort");
        wide["Torture survivors"].ShouldBe(("held back", ""));
        wide["All in the group"].ShouldBe(("60", "100%"));
        wide["Released"].ShouldBe(("30", "50%"));
        (await CsvAsync(researcher, Query(tag)))[CohortQuery.TortureSurvivors].ShouldBe(("", "", HeldBackNote));

        // Shown again, the narrow one is compared with the wide one too, and holds back the same figure.
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "brook-house")), "The cohort")["Torture survivors"].ShouldBe(("held back", ""));
    }

    [Fact]
    public async Task AnotherDefinitionOfTheSameClients_IsNotHeldBack()
    {
        var tag = NewTag();
        await AddClientsAsync(tag, "brook-house", 12, tortureSurvivors: 6, suicidal: 6, released: 6);
        var researcher = await SignedInAsync(StaffRoles.Researcher);
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort")["Torture survivors"].ShouldBe(("6", "50%"));

        var same = await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "brook-house") + "&From=01/01/2024");
        Table(same, "The cohort").ShouldBe(Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort"));
        Table(same, "The cohort").Values.ShouldNotContain(row => row.Number == "held back");
    }

    [Fact]
    public async Task CohortThatShowedNothing_IsNotRemembered_SoOneAroundItStillShows()
    {
        var tag = NewTag();
        await AddClientsAsync(tag, "colnbrook", 4, tortureSurvivors: 2);
        await AddClientsAsync(tag, "brook-house", 3);
        var researcher = await SignedInAsync(StaffRoles.Researcher);
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "colnbrook")), "The cohort")["All in the group"].Number.ShouldBe(SmallNote);

        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort")["All in the group"].ShouldBe(("7", "100%"), "the 4 showed nothing to subtract");
    }

    [Fact]
    public async Task JourneysCohort_AfterAllClients_ShowsSixThenAllReleasedAfterTheSixthRelease()
    {
        // As the browser journey does: the page first shows every client (demonstration data included), then the
        // journey's 6, of whom 5 are released, then the same 6 again once the sixth is released.
        var researcher = await SignedInAsync(StaffRoles.Researcher);
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts), "The cohort").Values.ShouldNotContain(row => row.Number == "held back");
        var tag = await CohortAsync(6, released: 5);
        var before = Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort");
        before["All in the group"].Number.ShouldBe("6");
        before["Released"].Number.ShouldBe(ComplementNote, "5 of 6 released is held back for the 1 who was not, and is not fewer than 5");
        before.Values.ShouldNotContain(row => row.Number == "held back");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            var last = await db.Clients.Where(c => c.Tags.Any(t => t.Tag == tag) && c.Outcome != Outcome.Released).Select(c => c.CaseNumber).SingleAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<CaseBook>().SetOutcomeAsync(await CaseworkSamples.OpenAsync(scope.ServiceProvider, last),
                new OutcomeInput(Outcome.Released, new DateOnly(2024, 6, 1), ReleaseRoute.HomeOfficeRelease), Cancel);
        }
        var after = Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), "The cohort");
        after["Released"].ShouldBe(("6", "100%"));
    }

    [Fact]
    public async Task EmptyGroups_ShowNoPercentage_OnThePageOrInTheCsv()
    {
        var tag = NewTag();
        await AddClientsAsync(tag, "brook-house", 6);
        var researcher = await SignedInAsync(StaffRoles.Researcher);

        var page = await researcher.PageAsync(CaseworkPaths.Cohorts + AtCentre(tag, "colnbrook"));
        Table(page, "The cohort")["All in the group"].ShouldBe(("0", ""), "nobody held at Colnbrook: no 100% of nobody");
        Table(page, "The cohort")["Released"].ShouldBe(("0", ""));
        Table(await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag)), $"Of the cohort, those {CohortQuery.WithReport}")["All in the group"]
            .ShouldBe(("0", ""), "none of the 6 has a report");
        (await CsvAsync(researcher, AtCentre(tag, "colnbrook")))["clients"].ShouldBe(("0", "", ""));
    }

    [Fact]
    public async Task CohortOfFour_RevealsNothing_OnThePageOrInTheCsv()
    {
        var tag = await CohortAsync(4, released: 3);
        var researcher = await SignedInAsync(StaffRoles.Researcher);

        var page = await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag));
        var cells = page.QuerySelectorAll("#figures ~ .table-scroll td").Select(td => td.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        cells.ShouldNotBeEmpty();
        cells.ShouldAllBe(text => text == SmallNote, "no number and no percentage of a cohort of 4");

        var csv = await researcher.Client.GetAsync(CaseworkPaths.CohortsCsv + Query(tag), Cancel);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Cancel)).TrimStart('\uFEFF');
        text.ShouldStartWith("cohort,group,measure,count,percentage,note\r\n");
        await using var rows = await Sylvan.Data.Csv.CsvDataReader.CreateAsync(new StringReader(text), null, Cancel);
        var read = 0;
        while (await rows.ReadAsync(Cancel))
        {
            read++;
            rows.GetString(0).ShouldBe($"clients tagged {tag}");
            (rows.GetString(3), rows.GetString(4)).ShouldBe(("", ""), $"{rows.GetString(2)} shows neither a count nor a percentage");
            rows.GetString(5).ShouldBe(SmallNote);
        }
        read.ShouldBe(6 + 2, "the cohort's size and five measures, then the size and one measure of those with a report");
    }

    [Fact]
    public async Task CohortOfSix_ShowsItsCounts_ButNotOneThatSubtractionWouldRevealAsOne()
    {
        var tag = await CohortAsync(6, released: 5);
        var researcher = await SignedInAsync(StaffRoles.Researcher);
        var page = await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag));
        string Row(string caption, string measure) => page.QuerySelectorAll($"caption").Single(c => c.TextContent == caption).ParentElement!
            .QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == measure).TextContent;
        Row("The cohort", "All in the group").ShouldContain("6");
        Row("The cohort", "With a medico-legal report").ShouldContain("100%");
        Row("The cohort", "Torture survivors").ShouldContain("100%");
        Row("The cohort", "Released").ShouldContain(ComplementNote, Case.Sensitive, "5 of 6 released would reveal the 1 who was not");
        Row("The cohort", "Released").ShouldNotContain("fewer than", Case.Sensitive, "5 is not fewer than 5");
        (await CsvAsync(researcher, Query(tag)))[CohortQuery.Released].ShouldBe(("", "", ComplementNote));
        (await researcher.Client.GetStringAsync(CaseworkPaths.CohortsCsv + Query(tag), Cancel)).ShouldContain(",the cohort,clients,6,100,");
    }

    [Fact]
    public async Task Cohorts_AreForAggregateRolesOnly_AndEveryViewAndDownloadIsRecorded()
    {
        var tag = await CohortAsync(5, released: 5);
        var volunteer = await SignedInAsync(StaffRoles.Volunteer);
        (await volunteer.Client.GetAsync(CaseworkPaths.Cohorts, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await volunteer.Client.GetAsync(CaseworkPaths.CohortsCsv, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var staff = await StaffBrowser.CreateAsync(factory, StaffRoles.PolicyOfficer);
        var officer = new StaffBrowser(factory);
        await officer.SignInSuccessfullyAsync(staff);
        var page = await officer.PageAsync(CaseworkPaths.Cohorts + Query(tag));
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Synthetic Person");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("C-20");
        await officer.Client.GetStringAsync(CaseworkPaths.CohortsCsv + Query(tag), Cancel);
        var invalid = await officer.Client.GetAsync($"{CaseworkPaths.CohortsCsv}?from=yesterday", Cancel);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = staff.Id, RecordType = "cohort" }, Cancel);
        entries.Select(e => (e.Action, e.Detail)).ShouldBe([
            ("export", $"cohort figures downloaded as CSV: clients tagged {tag}"),
            ("read", $"cohort figures viewed: clients tagged {tag}"),
        ]);
    }
}

public sealed class SqliteCohortHttpTests(SqliteDemonstrationPortalFactory factory) : CohortHttpTests<SqliteDemonstrationPortalFactory>(factory);

public sealed class PostgresCohortHttpTests(PostgresDemonstrationPortalFactory factory) : CohortHttpTests<PostgresDemonstrationPortalFactory>(factory);
