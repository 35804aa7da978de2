using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;

namespace Safeguard.Statistics.Releases;

/// <summary>
/// One writer of releases at a time: an import's commit and a publication each take this first in their transaction,
/// then read the release as it stands, so that an import cannot write into a draft published meanwhile, nor two drafts
/// started from the same release both be published. On PostgreSQL a transaction-scoped advisory lock; on SQLite the
/// write lock of the <c>BEGIN IMMEDIATE</c> transaction (Microsoft.Data.Sqlite begins every transaction not asked to
/// be deferred that way) already serialises them. Taken before the audit trail's lock, never after.
/// </summary>
internal static class ReleaseWriters
{
    /// <summary>The advisory lock's key: the first eight bytes of SHA-256("safeguard.statistics_releases"), as a signed 64-bit number.</summary>
    internal const long PostgresLockKey = 0x6def_9b24_3f49_9536;

    /// <summary>Waits for the other writers of releases to finish; held until the current transaction ends.</summary>
    public static async Task WaitForOthersAsync(StatisticsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The release writers' lock is taken inside the transaction that writes.");
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }
    }
}
