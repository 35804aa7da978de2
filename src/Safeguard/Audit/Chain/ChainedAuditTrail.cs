using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Platform;

namespace Safeguard.Audit.Chain;

/// <summary>
/// Appends events to the hash chain. Appending is serialised per database, so that two requests, or two web nodes,
/// appending at once cannot both chain to the same head: on PostgreSQL with a transaction-scoped advisory lock taken
/// before the head is read, on SQLite by the write lock of a <c>BEGIN IMMEDIATE</c> transaction (Microsoft.Data.Sqlite
/// begins every transaction that is not asked to be deferred that way). The sequence number is the primary key, so
/// even a writer that skipped the lock could not fork the chain: its insert would fail.
/// </summary>
internal sealed class ChainedAuditTrail(AuditDatabase database, TimeProvider clock) : IAuditTrail
{
    /// <summary>The advisory lock's key: the first eight bytes of SHA-256("safeguard.audit_entries"), as a signed 64-bit number.</summary>
    internal const long PostgresLockKey = unchecked((long)0xbc23_41f2_3227_67f1);

    public async Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        Validate(auditEvent);
        await using var db = database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppendAsync(db, auditEvent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordAsync(AuditEvent auditEvent, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Validate(auditEvent);
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction to record the audit event in has already ended.");
        await using var db = database.OpenOn(connection);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        await AppendAsync(db, auditEvent, cancellationToken);
    }

    private async Task<AuditEntry> AppendAsync(AuditDbContext db, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            // Held until the transaction ends; the head is read after it is granted, so it is the latest committed one.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
        }
        var head = await db.Entries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = (head?.Sequence ?? 0) + 1;
        var previousHash = head?.Hash ?? AuditEntryHash.Genesis;
        var time = Microseconds(clock.GetUtcNow().UtcDateTime);
        var action = auditEvent.Action.Code();
        var recordId = Absent(auditEvent.RecordId);
        var detail = Absent(auditEvent.Detail);
        var entry = new AuditEntry
        {
            Sequence = sequence,
            TimeUtc = time,
            Actor = auditEvent.Actor,
            Action = action,
            RecordType = auditEvent.RecordType,
            RecordId = recordId,
            Source = auditEvent.Source,
            Detail = detail,
            PreviousHash = previousHash,
            Hash = AuditEntryHash.Compute(sequence, time, auditEvent.Actor, action, auditEvent.RecordType, recordId, auditEvent.Source, detail, previousHash),
        };
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>PostgreSQL keeps microseconds; the hash must be of the time as it will be read back.</summary>
    private static DateTime Microseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>Empty and absent mean the same to a reader; one stored form keeps the encoding's null distinct and rare.</summary>
    private static string? Absent(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Events are written by code, not typed by people: a bad one is a programming error, refused whole.</summary>
    private static void Validate(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        Required(auditEvent.Actor, AuditLimits.Actor, nameof(AuditEvent.Actor));
        Required(auditEvent.RecordType, AuditLimits.RecordType, nameof(AuditEvent.RecordType));
        Required(auditEvent.Source, AuditLimits.Source, nameof(AuditEvent.Source));
        Optional(auditEvent.RecordId, AuditLimits.RecordId, nameof(AuditEvent.RecordId));
        Optional(auditEvent.Detail, AuditLimits.Detail, nameof(AuditEvent.Detail));
        _ = auditEvent.Action.Code();
    }

    private static void Required(string value, int limit, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"An audit event needs its {name}.", name);
        }
        Optional(value, limit, name);
    }

    private static void Optional(string? value, int limit, string name)
    {
        if (value is not null && value.Length > limit)
        {
            throw new ArgumentException($"An audit event's {name} may be at most {limit} characters.", name);
        }
    }
}
