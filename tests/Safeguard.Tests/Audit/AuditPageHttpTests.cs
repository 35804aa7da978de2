using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Audit;

/// <summary>The administrators' audit page (/admin/audit) through the real pipeline, on each database engine.</summary>
public abstract class AuditPageHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(TestStaff Admin, StaffBrowser Browser)> SignedInAdministratorAsync()
    {
        var admin = await StaffBrowser.CreateAsync(factory, StaffRoles.Administrator);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(admin);
        return (admin, browser);
    }

    /// <summary>Gives <paramref name="staff"/> a synthetic name of their own (the test accounts share one), and returns it.</summary>
    private async Task<string> NamedAsync(TestStaff staff)
    {
        var name = $"{new Bogus.Faker("en_GB").Name.FullName()} {Guid.NewGuid():N}"[..30];
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffAccount>>();
        var account = (await users.FindByIdAsync(staff.Id))!;
        account.DisplayName = name;
        (await users.UpdateAsync(account)).Succeeded.ShouldBeTrue();
        return name;
    }

    private static List<string[]> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main table tbody tr").Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task Search_Administrator_SeesOwnSignInNewestFirstAndTheViewIsRecorded()
    {
        var (admin, browser) = await SignedInAdministratorAsync();
        var name = await NamedAsync(admin);

        var page = await browser.PageAsync($"{AuditPaths.Trail}?Actor={admin.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Audit trail");
        var rows = Rows(page);
        // Sequence, time, actor (by name), action, record, source, detail.
        rows.ShouldContain(r => r[2] == name && r[3] == "sign-in" && r[4] == $"account {admin.Id}");
        rows.Select(r => long.Parse(r[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBeInOrder(SortDirection.Descending);
        page.QuerySelector($"main table a[href='{AccountsPaths.Users}/{admin.Id}']").ShouldNotBeNull("an account id links to the account");

        // Viewing was itself recorded, naming the filters used but not what was typed into them.
        var again = Rows(await browser.PageAsync($"{AuditPaths.Trail}?Actor={admin.Id}&RecordType=audit-trail"));
        var viewed = again.ShouldHaveSingleItem();
        viewed[3].ShouldBe("read");
        viewed[6].ShouldBe("searched by actor; page 1");
        viewed[6].ShouldNotContain(admin.Id);
    }

    /// <summary>Each entry's time as shown, and as its &lt;time datetime&gt; gives it.</summary>
    private static List<(string Shown, string Machine)> TimesOf(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main table tbody tr time").Select(time => (time.TextContent.Trim(), time.GetAttribute("datetime")!))];

    [Fact]
    public async Task Search_TimeOfAnEntry_IsWrittenAsEveryPageWritesATime_WithTheSecondKeptForMachines()
    {
        var (admin, browser) = await SignedInAdministratorAsync();

        var (shown, machine) = TimesOf(await browser.PageAsync($"{AuditPaths.Trail}?Actor={admin.Id}&Action=sign-in")).ShouldHaveSingleItem();
        var signedIn = DateTime.ParseExact(machine, "yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        shown.ShouldBe(signedIn.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Search_ByAction_ShowsOnlyThatAction()
    {
        var (admin, browser) = await SignedInAdministratorAsync();

        var page = await browser.PageAsync($"{AuditPaths.Trail}?Action=sign-in");
        var rows = Rows(page);
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r[3] == "sign-in");
        page.QuerySelector($"main table a[href='{AccountsPaths.Users}/{admin.Id}']").ShouldNotBeNull();
        page.QuerySelector<IHtmlSelectElement>("select#Action")!.Value.ShouldBe("sign-in");
        page.QuerySelector("label[for=Action]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Search_ByPartOfAName_FindsThatAccountsEntries_ShownByName_AndRecordsNoName()
    {
        var (admin, browser) = await SignedInAdministratorAsync();
        var colleague = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var name = await NamedAsync(colleague);
        await new StaffBrowser(factory).SignInSuccessfullyAsync(colleague);

        var page = await browser.PageAsync($"{AuditPaths.Trail}?Actor={Uri.EscapeDataString(name[2..12].ToUpperInvariant())}");
        var rows = Rows(page);
        rows.ShouldContain(r => r[3] == "sign-in" && r[4] == $"account {colleague.Id}");
        rows.ShouldAllBe(r => r[2] == name, "only the account whose name holds what was typed");
        page.QuerySelector($"main table a[href='{AccountsPaths.Users}/{colleague.Id}']")!.TextContent.ShouldBe(name);

        var viewed = Rows(await browser.PageAsync($"{AuditPaths.Trail}?Actor={admin.Id}&RecordType=audit-trail")).ShouldHaveSingleItem();
        viewed[6].ShouldBe("searched by actor; page 1", "never the name typed");
    }

    [Fact]
    public async Task Search_ByDays_TakesDatesAsEveryFormDoes()
    {
        var (admin, browser) = await SignedInAdministratorAsync();
        var signIn = $"{AuditPaths.Trail}?Actor={admin.Id}&Action=sign-in";
        var day = DateOnly.ParseExact(TimesOf(await browser.PageAsync(signIn)).ShouldHaveSingleItem().Machine[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Day(DateOnly date, string format) => Uri.EscapeDataString(date.ToString(format, System.Globalization.CultureInfo.InvariantCulture));

        Rows(await browser.PageAsync($"{signIn}&From={Day(day, "dd/MM/yyyy")}&To={Day(day, "d/M/yyyy")}")).ShouldHaveSingleItem();
        Rows(await browser.PageAsync($"{signIn}&From={Day(day, "yyyy-MM-dd")}&To={Day(day, "yyyy-MM-dd")}")).ShouldHaveSingleItem();
        var later = await browser.PageAsync($"{signIn}&From={Day(day.AddDays(1), "d/M/yyyy")}");
        Rows(later).ShouldBeEmpty();
        later.QuerySelector("main")!.TextContent.ShouldContain("No entries match");
        later.QuerySelector<IHtmlInputElement>("input#From")!.Value.ShouldBe(day.AddDays(1).ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("From=31/02/2026", "From", "Enter the ‘from’ date as day/month/year, for example 14/08/2026")]
    [InlineData("To=2026-02-30", "To", "Enter the ‘to’ date as day/month/year")]
    [InlineData("From=04/03/20266", "From", "Enter the ‘from’ date as day/month/year")]
    [InlineData("To=04/03/1066", "To", "The ‘to’ date must be in a year from 1900 to 2100")]
    [InlineData("From=2026-03-05&To=2026-03-04", "To", "The ‘to’ date must be the same as or after the ‘from’ date")]
    [InlineData("Action=shred", "Action", "Choose an action from the list")]
    public async Task Search_InvalidInput_ErrorSummarySaysWhatToFix(string query, string field, string message)
    {
        var (_, browser) = await SignedInAdministratorAsync();

        var page = await browser.PageAsync($"{AuditPaths.Trail}?{query}");
        page.Title!.ShouldStartWith("Error: ");
        var summary = page.QuerySelector(".error-summary[role=alert]").ShouldNotBeNull();
        var link = summary.QuerySelector($"a[href='#{field}']").ShouldNotBeNull();
        link.TextContent.ShouldStartWith(message);
        page.QuerySelector($"#{field}-error")!.TextContent.ShouldContain(message);
        page.QuerySelector("main table").ShouldBeNull("nothing is searched until the form is right");
    }

    [Fact]
    public async Task Search_Pages_HundredAPageWithLinksKeepingTheFiltersAndAMissingPageIs404()
    {
        var (_, browser) = await SignedInAdministratorAsync();
        var trail = factory.Services.GetRequiredService<IAuditTrail>();
        var record = $"paging-{Guid.NewGuid():N}";
        for (var i = 0; i < 101; i++)
        {
            await trail.RecordAsync(new AuditEvent("system", AuditAction.Update, "test-record", record, "command line"), Cancel);
        }

        var first = await browser.PageAsync($"{AuditPaths.Trail}?RecordId={record}");
        Rows(first).Count.ShouldBe(100);
        first.QuerySelector("main table caption")!.TextContent.ShouldBe("Entries 1 to 100 of 101, newest first");
        var next = first.QuerySelector<IHtmlAnchorElement>("nav.pagination a[rel=next]").ShouldNotBeNull();
        var href = next.GetAttribute("href")!;
        href.ShouldContain($"RecordId={record}");
        href.ShouldContain("page=2");

        var second = await browser.PageAsync(href);
        Rows(second).Count.ShouldBe(1);
        second.QuerySelector("nav.pagination [aria-current=page]")!.TextContent.ShouldBe("2");
        (await browser.Client.GetAsync($"{AuditPaths.Trail}?RecordId={record}&page=3", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.Client.GetAsync($"{AuditPaths.Trail}?page=abc", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Verify_IntactThenOneRowTampered_NamesTheBrokenEntry()
    {
        var (admin, browser) = await SignedInAdministratorAsync();

        var intact = await StaffBrowser.ParseAsync(await browser.SubmitAsync(AuditPaths.Trail, [], handler: "Verify"));
        intact.QuerySelector(".verification-outcome")!.TextContent.ShouldStartWith("The audit trail is intact: ");
        intact.QuerySelector(".verification-outcome")!.TextContent.ShouldContain("entries; the last entry's hash is ");
        // The head to write down, and the check against it.
        var anchor = intact.QuerySelector("code.audit-anchor").ShouldNotBeNull().TextContent;
        anchor.ShouldMatch("^[0-9]+:[0-9a-f]{64}$");
        var anchored = await StaffBrowser.ParseAsync(await browser.SubmitAsync(AuditPaths.Trail, [new("Anchor", anchor)], handler: "Verify"));
        var anchoredNumber = long.Parse(anchor.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
        anchored.QuerySelector(".verification-outcome")!.TextContent.ShouldEndWith($"Entry {anchoredNumber} is the one anchored.");
        var malformed = await StaffBrowser.ParseAsync(await browser.SubmitAsync(AuditPaths.Trail, [new("Anchor", "the hash I wrote down")], handler: "Verify"));
        malformed.QuerySelector("#Anchor-error")!.TextContent.ShouldContain("Enter the anchor as it was written down");
        malformed.QuerySelector(".verification-outcome").ShouldBeNull();

        var signIn = Rows(await browser.PageAsync($"{AuditPaths.Trail}?Actor={admin.Id}&Action=sign-in")).ShouldHaveSingleItem();
        var sequence = long.Parse(signIn[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        await TamperAsync($"UPDATE audit_entries SET \"Detail\" = 'nothing to see' WHERE \"Sequence\" = {sequence}");

        var response = await browser.SubmitAsync(AuditPaths.Trail, [], handler: "Verify");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var broken = await StaffBrowser.ParseAsync(response);
        var number = sequence.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
        broken.QuerySelector("[role=alert] .verification-outcome")!.TextContent
            .ShouldBe($"The audit trail is broken: entry {number}: its hash does not match its contents (changed after it was written).");

        // Both checks are on the trail, with their outcome.
        var checks = Rows(await browser.PageAsync($"{AuditPaths.Trail}?Actor={admin.Id}&RecordType=audit-trail&Action=read"));
        checks.ShouldContain(r => r[6].StartsWith("checked the chain: intact", StringComparison.Ordinal));
        checks.ShouldContain(r => r[6].StartsWith("checked the chain against the anchor at entry ", StringComparison.Ordinal));
        checks.ShouldContain(r => r[6] == $"checked the chain: broken at entry {sequence}");
    }

    [Fact]
    public async Task Page_Caseworker_GetsNotFound()
    {
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(caseworker);

        (await browser.Client.GetAsync(AuditPaths.Trail, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var home = await browser.PageAsync(AccountsPaths.Home);
        home.QuerySelector($"a[href='{AuditPaths.Trail}']").ShouldBeNull("only administrators are offered the link");
    }

    [Fact]
    public async Task Page_Anonymous_IsSentToSignIn()
    {
        var client = factory.CreateStaffClient();

        var response = await client.GetAsync(AuditPaths.Trail, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString).ShouldStartWith(AccountsPaths.SignIn);
        (await client.PostAsync(AuditPaths.Trail + "?handler=Verify", new FormUrlEncodedContent([]), Cancel)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StaffHome_Administrator_LinksToTheAuditPage()
    {
        var (_, browser) = await SignedInAdministratorAsync();

        var home = await browser.PageAsync(AccountsPaths.Home);
        home.QuerySelector($"main a[href='{AuditPaths.Trail}']")!.TextContent.ShouldBe("Audit trail");
    }

    /// <summary>Changes the trail as someone with write access to the database who has got round its triggers.</summary>
    private async Task TamperAsync(string sql)
    {
        var database = factory.Services.GetRequiredService<SafeguardDatabase>();
        await using DbConnection connection = database.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.PostgreSql
            ? $"SET session_replication_role = replica; {sql}; SET session_replication_role = DEFAULT;"
            : $"DROP TRIGGER IF EXISTS audit_entries_no_update; {sql};";
        await command.ExecuteNonQueryAsync(Cancel);
    }
}

public sealed class SqliteAuditPageHttpTests(OwnSqlitePortalFactory factory) : AuditPageHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresAuditPageHttpTests(OwnPostgresPortalFactory factory) : AuditPageHttpTests<OwnPostgresPortalFactory>(factory);
