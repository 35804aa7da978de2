using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit;
using Safeguard.Casework.Data;

namespace Safeguard.Casework.Access;

/// <summary>
/// Records every read and write of casework on the audit trail: record types and ids (case numbers, referral
/// numbers), what was done in a few words, never a name, a date of birth or a finding.
/// </summary>
internal sealed class CaseworkAudit(IAuditTrail trail, IAuditOrigin origin)
{
    public const string Case = "case";
    public const string Referral = "referral";
    public const string CaseList = "case-list";
    public const string Dashboard = "casework-dashboard";
    public const string Cohort = "cohort";

    /// <summary>Records that something was read (or refused), in a transaction of its own.</summary>
    public Task ReadAsync(string recordType, string? recordId, string detail, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Read, recordType, recordId, origin.Source, Trim(detail)), cancellationToken);

    /// <summary>Records an export (a CSV of cohort figures), in a transaction of its own.</summary>
    public Task ExportAsync(string recordType, string detail, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Export, recordType, null, origin.Source, Trim(detail)), cancellationToken);

    /// <summary>
    /// Makes a change and records it in one transaction: <paramref name="change"/> saves what it changed and returns
    /// the record's id, and <paramref name="detail"/> is written once it has (ids of new rows are known then); the
    /// entry is appended just before the commit, so the change and its entry are kept, or lost, together.
    /// </summary>
    public async Task<string> ChangeAsync(
        CaseworkDbContext db, AuditAction action, string recordType, Func<CancellationToken, Task<string>> change, Func<string> detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recordId = await change(cancellationToken);
        await trail.RecordAsync(new AuditEvent(origin.Actor, action, recordType, recordId, origin.Source, Trim(detail())), transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recordId;
    }

    /// <summary>Saves the tracked changes of a record whose id is already known, and records them.</summary>
    public Task SaveAsync(CaseworkDbContext db, AuditAction action, string recordType, string recordId, string detail, CancellationToken cancellationToken) =>
        ChangeAsync(db, action, recordType, async token =>
        {
            await db.SaveChangesAsync(token);
            return recordId;
        }, () => detail, cancellationToken);

    /// <summary>The trail keeps details to 1,000 characters; a long list of case numbers is cut, and says so.</summary>
    private static string Trim(string detail) => detail.Length <= 1000 ? detail : string.Concat(detail.AsSpan(0, 990), " (and more)");
}
