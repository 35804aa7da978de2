using System.Data.Common;

namespace Safeguard.Audit.Contracts;

/// <summary>What kind of thing happened, for searching the trail.</summary>
public enum AuditAction
{
    SignIn,
    SignInFailed,
    SignOut,
    Read,
    Create,
    Update,
    Delete,
    Export,
    Import,
    Publish,
    RoleChange,
    KeyChange,
}

/// <summary>
/// One event for the append-only, hash-chained audit trail: who, what, on which record, from where. It never
/// holds personal or health data itself: records are named by type and id ("case", "C-2024-0042"), people by
/// account id, and <see cref="Detail"/> is for words like "role clinician added", never for field values.
/// </summary>
/// <param name="Actor">The account id of who did it, or "anonymous", or "system" for the command line.</param>
/// <param name="Action">What was done.</param>
/// <param name="RecordType">The kind of record, e.g. "release", "case", "account".</param>
/// <param name="RecordId">The record's id or slug, never a name.</param>
/// <param name="Source">Where from: an IP address, or "command line".</param>
/// <param name="Detail">A short description without personal data.</param>
public sealed record AuditEvent(string Actor, AuditAction Action, string RecordType, string? RecordId, string Source, string? Detail = null);

/// <summary>Appends events to the audit trail. Every module records through this; only the Audit module reads the trail.</summary>
public interface IAuditTrail
{
    /// <summary>Appends an event, chained to the one before it, in a transaction of its own.</summary>
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Appends an event inside a transaction the caller has open on the same database (another module's
    /// <c>DbContext</c>: <c>db.Database.CurrentTransaction.GetDbTransaction()</c>), so the event and the change it
    /// describes are committed, or rolled back, together. Record just before committing: on PostgreSQL the chain
    /// stays locked to other writers from here until the caller commits.
    /// </summary>
    Task RecordAsync(AuditEvent auditEvent, DbTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>
/// Who is acting in the current scope and from where, for modules that record events on someone's behalf: in a
/// request, the signed-in account (or "anonymous") and the client's address; elsewhere "system" at the "command line".
/// </summary>
public interface IAuditOrigin
{
    /// <summary>The account id, "anonymous" or "system".</summary>
    string Actor { get; }

    /// <summary>An IP address, or "command line".</summary>
    string Source { get; }
}
