[assembly: AssemblyFixture(typeof(Safeguard.Tests.Http.SharedPortals))]

namespace Safeguard.Tests.Http;

/// <summary>
/// The applications that the test classes taking <see cref="SqlitePortalFactory"/> or <see cref="PostgresPortalFactory"/>
/// share: one per engine for the whole assembly, each started (migrated, loaded with all the demonstration data, since
/// some of those classes read casework's clients) when the first class asks for it, and stopped after the last test.
/// Starting an application is most of what an HTTP test class costs; a run that asks for no PostgreSQL class needs
/// no PostgreSQL server.
/// </summary>
public sealed class SharedPortals : IAsyncDisposable
{
    private readonly Lazy<Task<OwnPortalFactory>> sqlite = new(() => StartAsync(new OwnSqlitePortalFactory { CaseworkDemonstrationData = true }));

    private readonly Lazy<Task<OwnPortalFactory>> postgres = new(() => StartAsync(new OwnPostgresPortalFactory { CaseworkDemonstrationData = true }));

    public Task<OwnPortalFactory> Sqlite => sqlite.Value;

    public Task<OwnPortalFactory> Postgres => postgres.Value;

    private static async Task<OwnPortalFactory> StartAsync(OwnPortalFactory application)
    {
        try
        {
            await application.InitializeAsync();
            return application;
        }
        catch
        {
            await application.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var application in new[] { sqlite, postgres })
        {
            if (application.IsValueCreated && application.Value.IsCompletedSuccessfully)
            {
                await (await application.Value).DisposeAsync();
            }
        }
        await MigratedDatabases.RemoveAsync();
    }
}
