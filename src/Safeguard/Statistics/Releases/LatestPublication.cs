using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Platform;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Releases;

/// <summary>The newest published release, by the order the portal shows releases in.</summary>
internal sealed record PublishedRelease(int Id, string Slug, DateTime PublishedAtUtc)
{
    /// <summary>Whether this release was published after <paramref name="other"/> (ties broken by id, as the portal breaks them).</summary>
    public bool IsNewerThan(PublishedRelease? other) =>
        other is null || PublishedAtUtc > other.PublishedAtUtc || (PublishedAtUtc == other.PublishedAtUtc && Id > other.Id);
}

/// <summary>
/// The publication signal: which release is the latest, as this process knows it. The publisher tells it after its
/// commit (so this node is exact at once) and, on PostgreSQL, sends a notification in its transaction that
/// <see cref="PublicationListener"/> on every node receives at commit; readers (the portal's "latest" caches) read it
/// from memory on every request, so a cache hit costs no round trip to the database.
/// </summary>
internal sealed class LatestPublication
{
    /// <summary>The PostgreSQL notification channel that publications are announced on.</summary>
    internal const string Channel = "statistics_publication";

    private PublishedRelease? current;

    /// <summary>The latest published release, or null before the first is known.</summary>
    public PublishedRelease? Current => Volatile.Read(ref current);

    /// <summary>
    /// Keeps <paramref name="release"/> if it is newer than the one known: a poll that read the database just before a
    /// publication and answers just after the publisher's own word must not put the older release back.
    /// </summary>
    internal void Observe(PublishedRelease? release)
    {
        var known = Volatile.Read(ref current);
        while (release is not null && release.IsNewerThan(known))
        {
            var seen = Interlocked.CompareExchange(ref current, release, known);
            if (ReferenceEquals(seen, known))
            {
                return;
            }
            known = seen;
        }
    }

    /// <summary>Announces a publication to every node, delivered only if and when the caller's transaction commits.</summary>
    internal static async Task AnnounceAsync(StatisticsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {Channel}", cancellationToken);
        }
    }

    /// <summary>Reads the latest published release from the database.</summary>
    internal static Task<PublishedRelease?> ReadAsync(StatisticsDbContext db, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.Status == ReleaseStatus.Published)
            .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new PublishedRelease(r.Id, r.Slug, r.PublishedAtUtc!.Value))
            .FirstOrDefaultAsync(cancellationToken);
}

/// <summary>
/// Keeps <see cref="LatestPublication"/> current with publications made by other processes: other nodes, and
/// <c>safeguard publish</c> on the command line. On PostgreSQL it listens for the publisher's notification and reads
/// the latest release when one arrives, and also every <see cref="PostgresFallback"/> and after every reconnection, in
/// case a notification was lost with the connection. SQLite has no notifications, and is one node: it reads every
/// <see cref="SqlitePoll"/>, a query on a local file.
/// </summary>
internal sealed partial class PublicationListener(
    LatestPublication latest, SafeguardDatabase database, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PublicationListener> logger) : BackgroundService
{
    internal static readonly TimeSpan PostgresFallback = TimeSpan.FromSeconds(30);

    internal static readonly TimeSpan SqlitePoll = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (database.Provider == DatabaseProvider.PostgreSql)
                {
                    await ListenAsync(stoppingToken);
                }
                else
                {
                    await ReadLatestAsync(stoppingToken);
                    await Task.Delay(SqlitePoll, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The listener must outlive a database that is briefly unreachable or not yet migrated.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogListenFailed(logger, failure.GetType().Name);
                await Task.Delay(Retry, clock, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {LatestPublication.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // Listening first, then reading: a publication committed in between is either read now or announced later.
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadLatestAsync(stoppingToken);
            // Returns when a notification arrives (its content is not needed: the database says which release is latest), or at the fallback.
            await connection.WaitAsync(PostgresFallback, stoppingToken);
        }
    }

    private async Task ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        latest.Observe(await LatestPublication.ReadAsync(scope.ServiceProvider.GetRequiredService<StatisticsDbContext>(), cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the latest published release ({Failure}); trying again.")]
    private static partial void LogListenFailed(ILogger logger, string failure);
}
