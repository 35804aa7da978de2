using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Data;

namespace Safeguard.Audit.Searching;

/// <summary>What to look for in the trail; every filter given must match. Dates are UTC days, both ends inclusive.</summary>
public sealed record AuditSearch
{
    /// <summary>The most entries a search returns, however many are asked for.</summary>
    public const int MaxLimit = 10_000;

    public string? Actor { get; init; }

    public AuditAction? Action { get; init; }

    public string? RecordType { get; init; }

    public string? RecordId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>How many entries, newest first (default 100, at most <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>Searches the trail, newest first: for <c>./safeguard audit search</c> and the administrators' page.</summary>
public sealed class AuditQuery(AuditDatabase database)
{
    public async Task<List<AuditEntry>> SearchAsync(AuditSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var db = database.Open();
        var entries = db.Entries.AsNoTracking();
        if (search.Actor is { Length: > 0 } actor)
        {
            entries = entries.Where(e => e.Actor == actor);
        }
        if (search.Action is { } action)
        {
            var code = action.Code();
            entries = entries.Where(e => e.Action == code);
        }
        if (search.RecordType is { Length: > 0 } recordType)
        {
            entries = entries.Where(e => e.RecordType == recordType);
        }
        if (search.RecordId is { Length: > 0 } recordId)
        {
            entries = entries.Where(e => e.RecordId == recordId);
        }
        if (search.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.TimeUtc >= start);
        }
        if (search.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.TimeUtc < end);
        }
        return await entries.OrderByDescending(e => e.Sequence)
            .Take(Math.Clamp(search.Limit, 1, AuditSearch.MaxLimit))
            .ToListAsync(cancellationToken);
    }
}
