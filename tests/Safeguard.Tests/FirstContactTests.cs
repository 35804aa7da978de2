using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Host;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests;

/// <summary>
/// The demonstration accounts <c>./safeguard serve</c> offers a newcomer: one of each role on one's own machine with
/// the demonstration data, and none on PostgreSQL or where an address is not loopback, where they would be accounts
/// anyone could take.
/// </summary>
public abstract class FirstContactTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected TFactory Factory { get; } = factory;

    /// <summary>The demonstration accounts serve would offer listening on <paramref name="listening"/>, its staff pages on the last.</summary>
    private protected async Task<IReadOnlyList<DemonstrationSignIn>> AccountsAsync(params string[] listening)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await FirstContact.DemonstrationAccountsAsync(scope.ServiceProvider, listening, listening[^1], Cancel);
    }

    /// <summary>The demonstration account of <paramref name="role"/> with its roles, or null when there is none.</summary>
    private protected async Task<(StaffAccount Account, IList<string> Roles)?> DemonstrationAccountAsync(string role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        return await users.FindByEmailAsync($"{role}@{FirstContact.DemonstrationDomain}") is { } account ? (account, await users.GetRolesAsync(account)) : null;
    }

    /// <summary>Opens <paramref name="link"/> in a browser of its own; the response, and the browser to go on with.</summary>
    private protected async Task<(HttpResponseMessage Response, StaffBrowser Browser)> OpenAsync(string link)
    {
        var browser = new StaffBrowser(Factory);
        return (await browser.Client.GetAsync(new Uri(link).PathAndQuery, Cancel), browser);
    }

    [Theory]
    [InlineData("https://0.0.0.0:5001")]
    [InlineData("https://safeguard.example.org")]
    [InlineData("http://localhost:5000;https://192.0.2.7:5001")]
    public async Task DemonstrationAccounts_AnAddressOthersCanReach_AreRefused(string listening) =>
        (await AccountsAsync(listening.Split(';'))).ShouldBeEmpty();
}

public sealed class SqliteFirstContactTests(OwnSqlitePortalFactory factory) : FirstContactTests<OwnSqlitePortalFactory>(factory)
{
    [Fact]
    public async Task DemonstrationAccounts_OwnMachine_OneOfEachRole_EachWithAOneTimeLinkOnTheStaffAddress()
    {
        var accounts = await AccountsAsync("http://localhost:5000", "https://localhost:5001");

        accounts.Select(a => a.Role).ShouldBe(StaffRoles.All);
        accounts.ShouldAllBe(a => a.Link.StartsWith("https://localhost:5001/staff/sign-in/demonstration?token=", StringComparison.Ordinal));
        accounts.Select(a => a.Link).ShouldBeUnique();
        (await DemonstrationAccountAsync(StaffRoles.Administrator)).ShouldNotBeNull().Roles.ShouldBe([StaffRoles.Administrator]);
    }

    [Fact]
    public async Task DemonstrationLink_SignsStraightIn_Once_AndIsRecorded()
    {
        var supervisor = (await AccountsAsync("http://localhost:5000", "https://localhost:5001")).Single(a => a.Role == StaffRoles.Supervisor);

        var (response, browser) = await OpenAsync(supervisor.Link);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(response.Headers.Location).ShouldBe("/staff");
        (await browser.PageAsync("/staff/cases")).QuerySelector("h1")!.TextContent.ShouldBe("Cases", "signed in as the supervisor, both factors stood in for");
        var account = (await DemonstrationAccountAsync(StaffRoles.Supervisor)).ShouldNotBeNull().Account;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = "account", RecordId = account.Id, Action = AuditAction.SignIn }, Cancel))
                .Single().Detail.ShouldBe("demonstration sign-in link, on this machine only");
        }
        var (again, stranger) = await OpenAsync(supervisor.Link);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the link works once");
        (await stranger.Client.GetAsync("/staff/cases", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in: sent to sign in");
    }
}

/// <summary>On PostgreSQL, however loopback the address, no demonstration account is made.</summary>
public sealed class PostgresFirstContactTests(OwnPostgresPortalFactory factory) : FirstContactTests<OwnPostgresPortalFactory>(factory)
{
    [Fact]
    public async Task DemonstrationAccounts_PostgreSql_AreRefused_AndNoAccountIsMade()
    {
        (await AccountsAsync("http://localhost:5000", "https://localhost:5001")).ShouldBeEmpty();

        foreach (var role in StaffRoles.All)
        {
            (await DemonstrationAccountAsync(role)).ShouldBeNull(role);
        }
    }

    [Fact]
    public async Task DemonstrationLink_PostgreSql_IsRefused_EvenWhenOneWasMade()
    {
        var staff = await StaffBrowser.CreateAsync(Factory, StaffRoles.Administrator);
        string link;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var account = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().FindByIdAsync(staff.Id)).ShouldNotBeNull();
            link = await scope.ServiceProvider.GetRequiredService<DemonstrationSignIns>().IssueAsync(account, "https://localhost:5001");
        }

        var (response, browser) = await OpenAsync(link);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.Client.GetAsync("/staff", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in: sent to sign in");
    }
}
