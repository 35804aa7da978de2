using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Data;

namespace Safeguard.Tests.Http;

/// <summary>
/// HEAD to every public read, on Kestrel (the in-memory test server would pass a HEAD response's body through, where
/// a real server sends none), on each database engine.
/// </summary>
public abstract class HeadHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    // The address Kestrel listens at, which the client options given here would otherwise replace with http://localhost.
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = factory.ClientOptions.BaseAddress });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/statistics")]
    [InlineData("/statistics.json")]
    [InlineData("/statistics.csv")]
    [InlineData("/statistics/use-of-force")]
    [InlineData("/statistics/use-of-force.json")]
    [InlineData("/statistics/use-of-force.csv")]
    [InlineData("/statistics/places/brook-house.json")]
    [InlineData("/statistics/places/brook-house.csv")]
    [InlineData("/statistics/releases/2024")]
    [InlineData("/statistics/releases/2024.json")]
    [InlineData("/statistics/releases/2024.csv")]
    [InlineData("/statistics/releases/2024.xlsx")]
    [InlineData("/statistics/releases/1999.csv")]
    [InlineData("/statistics/sources/{source}/file")]
    [InlineData("/api/v1/releases")]
    [InlineData("/api/v1/releases/2024")]
    [InlineData("/api/v1/releases/1999")]
    [InlineData("/api/v1/themes")]
    [InlineData("/api/v1/themes/use-of-force")]
    [InlineData("/api/v1/measures")]
    [InlineData("/api/v1/measures/use-of-force-incidents")]
    [InlineData("/api/v1/places")]
    [InlineData("/api/v1/places/brook-house")]
    [InlineData("/api/v1/observations")]
    [InlineData("/api/v1/observations?release=2024&page=2&pageSize=4")]
    [InlineData("/api/v1/observations?colour=red")]
    [InlineData("/api/v1/foi/due?received=2024-12-20")]
    public async Task Head_IsAnsweredAsGetIsWithoutTheBody(string path)
    {
        await HeadRequests.ShouldAnswerAsGetDoesAsync(client, path.Replace("{source}", await DemonstrationSourceAsync(), StringComparison.Ordinal), Cancel);
    }

    private async Task<string> DemonstrationSourceAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        return await db.SourceDocuments.Where(d => d.FileName == "seed-2024-top-line.txt").Select(d => d.Sha256).SingleAsync(Cancel);
    }
}

/// <summary>
/// The application on SQLite, served by Kestrel at a loopback port. There serve also listens on HTTPS with the
/// development certificate (for the staff pages on one's own machine), which a test machine need not trust: the
/// requests go to the HTTP address.
/// </summary>
public sealed class SqliteListeningPortalFactory : OwnSqlitePortalFactory
{
    public override async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
        ClientOptions.BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(address => address.StartsWith("http://", StringComparison.Ordinal)));
    }
}

/// <summary>The application on PostgreSQL, served by Kestrel at a loopback port.</summary>
public sealed class PostgresListeningPortalFactory : OwnPostgresPortalFactory
{
    public override async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        await base.InitializeAsync();
    }
}

public sealed class SqliteHeadHttpTests(SqliteListeningPortalFactory factory) : HeadHttpTests<SqliteListeningPortalFactory>(factory);

public sealed class PostgresHeadHttpTests(PostgresListeningPortalFactory factory) : HeadHttpTests<PostgresListeningPortalFactory>(factory);
