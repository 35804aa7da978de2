using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Records;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>The cohort page and its CSV through the real pipeline, on each engine: suppression, who may see them, and the audit trail.</summary>
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

    [Fact]
    public async Task CohortOfFour_RevealsNothing_OnThePageOrInTheCsv()
    {
        var tag = await CohortAsync(4, released: 3);
        var researcher = await SignedInAsync(StaffRoles.Researcher);

        var page = await researcher.PageAsync(CaseworkPaths.Cohorts + Query(tag));
        var cells = page.QuerySelectorAll("#figures ~ .table-scroll td").Select(td => td.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        cells.ShouldNotBeEmpty();
        cells.ShouldAllBe(text => text == "fewer than 5", "no number and no percentage of a cohort of 4");

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
            rows.GetString(5).ShouldBe("suppressed: fewer than 5, or it would reveal fewer than 5 by subtraction");
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
        Row("The cohort", "Released").ShouldContain("fewer than 5", Case.Sensitive, "5 of 6 released would reveal the 1 who was not");
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

public sealed class SqliteCohortHttpTests(SqlitePortalFactory factory) : CohortHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresCohortHttpTests(PostgresPortalFactory factory) : CohortHttpTests<PostgresPortalFactory>(factory);
