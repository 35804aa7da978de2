using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Host;
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
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The demonstration accounts serve would offer listening on <paramref name="listening"/>, its staff pages on the last.</summary>
    private protected async Task<IReadOnlyList<DemonstrationSignIn>> AccountsAsync(params string[] listening)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await FirstContact.DemonstrationAccountsAsync(scope.ServiceProvider, listening, listening[^1], Cancel);
    }

    /// <summary>The demonstration account of <paramref name="role"/> with its roles, or null when there is none.</summary>
    private protected async Task<(StaffAccount Account, IList<string> Roles)?> DemonstrationAccountAsync(string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        return await users.FindByEmailAsync($"{role}@{FirstContact.DemonstrationDomain}") is { } account ? (account, await users.GetRolesAsync(account)) : null;
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
        accounts.ShouldAllBe(a => a.Link!.StartsWith("https://localhost:5001/staff/invitation?token=", StringComparison.Ordinal));
        accounts.Select(a => a.Link).ShouldBeUnique();
        (await DemonstrationAccountAsync(StaffRoles.Administrator)).ShouldNotBeNull().Roles.ShouldBe([StaffRoles.Administrator]);
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
}
