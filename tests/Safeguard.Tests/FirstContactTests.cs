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
public sealed class SqliteFirstContactTests(OwnSqlitePortalFactory factory) : IClassFixture<OwnSqlitePortalFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemonstrationAccounts_OwnMachine_OneOfEachRole_EachWithAOneTimeLinkOnTheStaffAddress()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        var accounts = await FirstContact.DemonstrationAccountsAsync(scope.ServiceProvider, ["http://localhost:5000", "https://localhost:5001"], "https://localhost:5001", Cancel);

        accounts.Select(a => a.Role).ShouldBe(StaffRoles.All);
        accounts.ShouldAllBe(a => a.Link!.StartsWith("https://localhost:5001/staff/invitation?token=", StringComparison.Ordinal));
        accounts.Select(a => a.Link).ShouldBeUnique();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var administrator = (await users.FindByEmailAsync($"administrator@{FirstContact.DemonstrationDomain}")).ShouldNotBeNull();
        (await users.GetRolesAsync(administrator)).ShouldBe([StaffRoles.Administrator]);
    }

    [Theory]
    [InlineData("https://0.0.0.0:5001")]
    [InlineData("https://safeguard.example.org")]
    [InlineData("http://localhost:5000;https://192.0.2.7:5001")]
    public async Task DemonstrationAccounts_AnAddressOthersCanReach_AreRefused(string listening)
    {
        await using var scope = factory.Services.CreateAsyncScope();

        (await FirstContact.DemonstrationAccountsAsync(scope.ServiceProvider, listening.Split(';'), listening.Split(';')[^1], Cancel)).ShouldBeEmpty();
    }
}

/// <summary>On PostgreSQL, however loopback the address, no demonstration account is made.</summary>
public sealed class PostgresFirstContactTests(OwnPostgresPortalFactory factory) : IClassFixture<OwnPostgresPortalFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemonstrationAccounts_PostgreSql_AreRefused_AndNoAccountIsMade()
    {
        await using var scope = factory.Services.CreateAsyncScope();

        var accounts = await FirstContact.DemonstrationAccountsAsync(scope.ServiceProvider, ["http://localhost:5000", "https://localhost:5001"], "https://localhost:5001", Cancel);

        accounts.ShouldBeEmpty();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        foreach (var role in StaffRoles.All)
        {
            (await users.FindByEmailAsync($"{role}@{FirstContact.DemonstrationDomain}")).ShouldBeNull(role);
        }
    }
}
