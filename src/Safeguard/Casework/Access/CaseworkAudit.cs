using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
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

    /// <summary>
    /// Records that a list of cases was read, naming every case shown: in one entry, or in as many as the trail's
    /// limit on a detail needs ("part 2 of 3"), so that no case shown goes unrecorded.
    /// </summary>
    public async Task ReadCasesAsync(string recordType, string what, IReadOnlyCollection<string> caseNumbers, CancellationToken cancellationToken)
    {
        if (caseNumbers.Count == 0)
        {
            await ReadAsync(recordType, null, $"{what}: no cases", cancellationToken);
            return;
        }
        var parts = new List<List<string>> { new() };
        var room = MaxDetail - what.Length - " (part 99 of 99): ".Length;
        foreach (var caseNumber in caseNumbers)
        {
            if (parts[^1].Count > 0 && parts[^1].Sum(c => c.Length + 2) + caseNumber.Length > room)
            {
                parts.Add([]);
            }
            parts[^1].Add(caseNumber);
        }
        for (var part = 0; part < parts.Count; part++)
        {
            var label = parts.Count == 1 ? what : $"{what} (part {part + 1} of {parts.Count})";
            await ReadAsync(recordType, null, $"{label}: {string.Join(", ", parts[part])}", cancellationToken);
        }
    }

    /// <summary>Records an export (a CSV of cohort figures), in a transaction of its own.</summary>
    public Task ExportAsync(string recordType, string detail, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Export, recordType, null, origin.Source, Trim(detail)), cancellationToken);

    /// <summary>
    /// Makes a change and records it in one transaction: <paramref name="change"/> saves what it changed and returns
    /// the record's id, and <paramref name="detail"/> is written once it has (ids of new rows are known then); the
    /// entry is appended just before the commit, so the change and its entry are kept, or lost, together.
    /// </summary>
    public async Task<string> ChangeAsync(
        CaseworkDbContext db, AuditAction action, string recordType, Func<CancellationToken, Task<string>> change, Func<string> detail, CancellationToken cancellationToken) =>
        // A change that always names its record is always recorded.
        (await ChangeIfAsync(db, action, recordType, async token => await change(token), detail, cancellationToken))!;

    /// <summary>
    /// As <see cref="ChangeAsync"/>, for a change that may find nothing to change as it writes (a condition checked in
    /// its UPDATE): <paramref name="change"/> returns null then, and nothing is recorded; the transaction is rolled back.
    /// </summary>
    public async Task<string?> ChangeIfAsync(
        CaseworkDbContext db, AuditAction action, string recordType, Func<CancellationToken, Task<string?>> change, Func<string> detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change(cancellationToken) is not { } recordId)
        {
            return null;
        }
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
    private static string Trim(string detail) => detail.Length <= MaxDetail ? detail : string.Concat(detail.AsSpan(0, MaxDetail - AndMore.Length), AndMore);

    private const int MaxDetail = 1000;

    private const string AndMore = " (and more)";
}
