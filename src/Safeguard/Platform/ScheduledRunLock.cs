using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Safeguard.Platform;

/// <summary>
/// Lets one node at a time make a scheduled run (the daily FOI reminders), so that the others skip it quietly instead
/// of racing it. On PostgreSQL, which several nodes share, the lock is a transaction-scoped advisory lock taken on a
/// connection of its own, released when the run ends or when its node dies; on the embedded SQLite, which one process
/// serves, it is a lock in this process.
/// </summary>
public sealed class ScheduledRunLock(SafeguardDatabase database)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> inProcess = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="run"/> unless a run of the same <paramref name="name"/> holds the lock; false when it was skipped.</summary>
    public async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection, transaction);
            take.Parameters.AddWithValue("key", AdvisoryKey(name));
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false;
            }
            await run(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        var held = inProcess.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        if (!await held.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return false;
        }
        try
        {
            await run(cancellationToken);
            return true;
        }
        finally
        {
            held.Release();
        }
    }

    /// <summary>The advisory lock's number for a run's name: the first 8 bytes of its SHA-256, the same on every node.</summary>
    private static long AdvisoryKey(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"safeguard {name}")));
}
