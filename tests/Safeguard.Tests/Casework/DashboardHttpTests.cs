using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Assessments;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Detention;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>The casework dashboard and the limitation list through the real pipeline, on each engine.</summary>
public abstract class DashboardHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DateOnly Today => factory.Clock.Today;

    [Fact]
    public async Task Dashboard_ListsOverdueResponsesAndAssessmentsWithoutAReport_OnlyForTheCasesOfWhoeverReadsIt()
    {
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var book = scope.ServiceProvider.GetRequiredService<CaseBook>();
            var opened = await CaseworkSamples.OpenAsync(scope.ServiceProvider, sample.CaseNumber);
            await book.SaveHomeOfficeEventAsync(opened, null, new HomeOfficeEventInput(HomeOfficeEventKind.Rule35Report, Today.AddDays(-30), 3, null, null, null), Cancel);
            await book.SaveHomeOfficeEventAsync(opened, null, new HomeOfficeEventInput(HomeOfficeEventKind.Rule35Report, Today.AddDays(-10), 1, null, null, null), Cancel);
            await book.SaveAssessmentAsync(opened, null, new AssessmentInput("Dr N. Example", Today.AddDays(-5), "colnbrook", false, AssessmentMode.Remote,
                false, true, false, null, false, true, null, null), Cancel);
        }
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(caseworker);

        var page = await browser.PageAsync(CaseworkPaths.Dashboard);
        var overdue = page.QuerySelectorAll("#overdue-caption ~ tbody tr").Select(r => r.TextContent).ToList();
        overdue.ShouldContain(r => r.Contains(sample.CaseNumber, StringComparison.Ordinal) && r.Contains("a decision on the medico-legal report", StringComparison.Ordinal) && r.Contains("20 March 2024", StringComparison.Ordinal));
        overdue.ShouldContain(r => r.Contains("a response to the rule 35 report", StringComparison.Ordinal) && r.Contains("30", StringComparison.Ordinal));
        overdue.Count(r => r.Contains("rule 35", StringComparison.Ordinal)).ShouldBe(1, "a report 10 days old is not overdue after 14 days");
        page.QuerySelector("#overdue + p")!.TextContent.ShouldContain("within 14 days");
        var unreported = page.QuerySelectorAll("#unreported-caption ~ tbody tr").Select(r => r.TextContent).ToList();
        unreported.ShouldContain(r => r.Contains(sample.CaseNumber, StringComparison.Ordinal) && r.Contains("Dr N. Example", StringComparison.Ordinal));
        unreported.ShouldNotContain(r => r.Contains("Dr R. Example", StringComparison.Ordinal), "that assessment has its report");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = caseworker.Id, RecordType = "casework-dashboard" }, Cancel)).Single();
            entry.Detail.ShouldBe($"what needs action: {sample.CaseNumber}");
        }

        var other = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var otherBrowser = new StaffBrowser(factory);
        await otherBrowser.SignInSuccessfullyAsync(other);
        (await otherBrowser.PageAsync(CaseworkPaths.Dashboard)).QuerySelector("main")!.TextContent.ShouldNotContain(sample.CaseNumber);
    }

    [Fact]
    public async Task Dashboard_Supervisor_SeesEveryCase_AndEveryCaseShownIsRecorded()
    {
        var supervisor = await StaffBrowser.CreateAsync(factory, StaffRoles.Supervisor);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(supervisor);
        var page = await browser.PageAsync(CaseworkPaths.Dashboard);
        var shown = page.QuerySelectorAll("main tbody a").Select(a => a.TextContent).ToHashSet(StringComparer.Ordinal);
        shown.Count.ShouldBeGreaterThan(30, "the demonstration's cases need action too");

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = supervisor.Id, RecordType = "casework-dashboard" }, Cancel);
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Detail!.StartsWith("what needs action as supervisor", StringComparison.Ordinal));
        entries.SelectMany(e => e.Detail![(e.Detail!.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ")).ToHashSet(StringComparer.Ordinal).ShouldBe(shown, ignoreOrder: true);
    }

    [Fact]
    public async Task LimitationList_NamesTheCasesWhoseDeadlineFallsWithinAYear_SoonestFirst()
    {
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var soon = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var later = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var gone = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        await EndDetentionAsync(soon, Today.AddYears(-6).AddDays(40));
        await EndDetentionAsync(later, Today.AddYears(-6).AddDays(200));
        await EndDetentionAsync(gone, Today.AddYears(-6).AddDays(-1));
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(caseworker);

        var rows = (await browser.PageAsync(CaseworkPaths.Limitation)).QuerySelectorAll("#limitation-caption ~ tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2, "a deadline already passed is not due");
        rows[0].ShouldContain(soon.CaseNumber);
        rows[0].ShouldContain(Today.AddDays(40).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        rows[1].ShouldContain(later.CaseNumber);
        (await browser.PageAsync(CaseworkPaths.Dashboard)).QuerySelector("#limitation")!.TextContent.ShouldBe("Limitation dates in the next 12 months (2)");
    }

    [Fact]
    public async Task Dashboard_AndCaseList_FlagWhatIsUrgent_EachRoleWhatItMayActOn_AndTheHeaderLinksEachRolesPages()
    {
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        // The sample's own waiting referral is urgent.
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        await EndDetentionAsync(sample, Today.AddYears(-6).AddDays(12));
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(caseworker);

        var page = await browser.PageAsync(CaseworkPaths.Dashboard);
        var urgent = page.QuerySelector("#urgent").ShouldNotBeNull();
        urgent.QuerySelector("#urgent-title")!.TextContent.ShouldBe("Urgent");
        var due = urgent.QuerySelectorAll("#limitation-soon-caption ~ tbody tr").Select(r => r.TextContent).Single(r => r.Contains(sample.CaseNumber, StringComparison.Ordinal));
        due.ShouldContain(Today.AddDays(12).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        due.ShouldContain("In 12 days");
        urgent.QuerySelector($"a[href='{CaseworkPaths.Referrals}']").ShouldBeNull("a caseworker does not triage referrals");
        page.QuerySelectorAll("header nav a").Select(a => a.TextContent).ShouldBe(["Home", "What needs action", "Cases", "Record a referral", "Cohorts"]);
        var listed = (await browser.PageAsync(CaseworkPaths.Cases)).QuerySelectorAll("#cases-caption ~ tbody tr").Single(r => r.TextContent.Contains(sample.CaseNumber, StringComparison.Ordinal));
        listed.QuerySelectorAll("strong.tag").Select(t => t.TextContent).ShouldBe(["Urgent referral", "Home Office response overdue", "Claim due in 12 days"],
            "the case came from an urgent referral, the person is not recorded as released, and the Home Office has not decided on the report served in March 2024");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = caseworker.Id, RecordType = "casework-dashboard" }, Cancel))
                .ShouldContain(e => e.Detail!.Contains(sample.CaseNumber, StringComparison.Ordinal), "the case the dashboard names is recorded");
        }

        var (_, supervisor) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var supervising = await supervisor.PageAsync(CaseworkPaths.Dashboard);
        supervising.QuerySelector($"#urgent a[href='{CaseworkPaths.Referrals}']").ShouldNotBeNull().TextContent.ShouldContain("urgent referral");
        supervising.QuerySelectorAll("header nav a").Select(a => a.TextContent).ShouldBe(["Home", "What needs action", "Cases", "Referrals", "Cohorts"]);
    }

    [Fact]
    public async Task CaseList_PutsUrgentCasesFirst_BeforeNewerCasesWithNothingUrgent()
    {
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        // Opened first, so newest-first alone would list it last; its referral was urgent and the person is still detained.
        var urgent = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var released = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseBook>().SetOutcomeAsync(await CaseworkSamples.OpenAsync(scope.ServiceProvider, released.CaseNumber),
                new OutcomeInput(Outcome.Released, Today.AddDays(-1), ReleaseRoute.TribunalBail), Cancel);
        }
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(caseworker);

        var page = await browser.PageAsync(CaseworkPaths.Cases);
        var rows = page.QuerySelectorAll("#cases-caption ~ tbody tr").ToList();
        rows.Select(r => r.QuerySelector("a")!.TextContent).ShouldBe([urgent.CaseNumber, released.CaseNumber]);
        rows[0].QuerySelectorAll("strong.tag").ShouldNotBeEmpty();
        rows[1].QuerySelectorAll("strong.tag").ShouldBeEmpty("released the day before: nothing is awaited, and the claim is six years away");
        page.QuerySelector("#cases-order")!.TextContent.ShouldStartWith("Urgent cases come first");
    }

    [Fact]
    public async Task CaseList_EquallyUrgentCases_TheClaimDueSoonestFirst()
    {
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        // Opened first, so newest-first alone would list it last; its claim falls due sooner.
        var sooner = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var later = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        await EndDetentionAsync(sooner, Today.AddYears(-6).AddDays(3));
        await EndDetentionAsync(later, Today.AddYears(-6).AddDays(25));
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(caseworker);

        var rows = (await browser.PageAsync(CaseworkPaths.Cases)).QuerySelectorAll("#cases-caption ~ tbody tr").ToList();

        rows.Select(r => r.QuerySelector("a")!.TextContent).ShouldBe([sooner.CaseNumber, later.CaseNumber]);
        rows[0].QuerySelectorAll("strong.tag").Select(t => t.TextContent).ShouldContain("Claim due in 3 days");
        rows[1].QuerySelectorAll("strong.tag").Select(t => t.TextContent).ShouldContain("Claim due in 25 days");
    }

    private async Task EndDetentionAsync(SampleCase sample, DateOnly ended)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var opened = await CaseworkSamples.OpenAsync(scope.ServiceProvider, sample.CaseNumber);
        (await scope.ServiceProvider.GetRequiredService<CaseBook>().SaveEpisodeAsync(opened, sample.Episode,
            new EpisodeInput("brook-house", ended.AddDays(-90), ended, EpisodeEnd.Release), Cancel)).ShouldBe(sample.Episode);
    }
}

public sealed class SqliteDashboardHttpTests(SqlitePortalFactory factory) : DashboardHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresDashboardHttpTests(PostgresPortalFactory factory) : DashboardHttpTests<PostgresPortalFactory>(factory);
