namespace Safeguard.Audit.Data;

/// <summary>
/// One row of the audit trail, as stored: never changed or deleted once written. <see cref="Hash"/> is
/// <see cref="Chain.AuditEntryHash"/> over the other columns, <see cref="PreviousHash"/> the hash of the entry before.
/// </summary>
internal sealed class AuditEntry
{
    /// <summary>1, 2, 3, ... with no gaps: a missing number is a deleted entry.</summary>
    public long Sequence { get; init; }

    /// <summary>When it was written, UTC, to the microsecond (what PostgreSQL keeps).</summary>
    public DateTime TimeUtc { get; init; }

    public required string Actor { get; init; }

    /// <summary>The action's code (<see cref="AuditActionCodes"/>), e.g. <c>import</c>.</summary>
    public required string Action { get; init; }

    public required string RecordType { get; init; }

    public string? RecordId { get; init; }

    public required string Source { get; init; }

    public string? Detail { get; init; }

    /// <summary>64 lower-case hex digits; 64 zeros for the first entry.</summary>
    public required string PreviousHash { get; init; }

    /// <summary>SHA-256 of the entry's canonical encoding, 64 lower-case hex digits.</summary>
    public required string Hash { get; init; }
}
