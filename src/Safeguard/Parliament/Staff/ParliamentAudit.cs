using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Parliament.Data;

namespace Safeguard.Parliament.Staff;

/// <summary>
/// Saves the secretariat's changes with their entry on the audit trail, in one transaction: the change and its record
/// commit together or not at all. Records are named by type and id; the detail names what changed, never the values.
/// </summary>
internal sealed class ParliamentAudit(ParliamentDbContext db, IAuditTrail audit, IAuditOrigin origin)
{
    /// <summary>Saves what the module's context tracks, then records it; <paramref name="recordId"/> is read after saving, for a new record's id.</summary>
    public async Task SaveAsync(AuditAction action, string recordType, Func<string> recordId, string detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(origin.Actor, action, recordType, recordId(), origin.Source, detail), transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
