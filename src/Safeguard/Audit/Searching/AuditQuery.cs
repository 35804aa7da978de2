using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Data;

namespace Safeguard.Audit.Searching;

/// <summary>What to look for in the trail; every filter given must match. Dates are UTC days, both ends inclusive.</summary>
internal sealed record AuditSearch
{
    /// <summary>The most entries a search returns, however many are asked for.</summary>
    public const int MaxLimit = 10_000;

    public string? Actor { get; init; }

    /// <summary>Only entries by one of these actors (what the administrators' page finds for a name or id typed).</summary>
    public IReadOnlyCollection<string>? Actors { get; init; }

    public AuditAction? Action { get; init; }

    public string? RecordType { get; init; }

    public string? RecordId { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>How many entries, newest first (default 100, at most <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>One page of a search, newest first.</summary>
/// <param name="Entries">The page's entries.</param>
/// <param name="Total">How many entries match, up to and including <paramref name="Through"/>.</param>
/// <param name="Through">
/// The newest entry the search looked at (0 for an empty trail). Later pages of the same search pass it back, so
/// entries written meanwhile (viewing the page writes one) do not push older ones onto the next page twice.
/// </param>
internal sealed record AuditSearchPage(IReadOnlyList<AuditEntry> Entries, int Total, long Through);

/// <summary>Searches the trail, newest first: for <c>./safeguard audit search</c> and the administrators' page.</summary>
internal sealed class AuditQuery(AuditDatabase database)
{
    public async Task<List<AuditEntry>> SearchAsync(AuditSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var db = database.Open();
        return await Filter(db.Entries.AsNoTracking(), search).OrderByDescending(e => e.Sequence)
            .Take(Math.Clamp(search.Limit, 1, AuditSearch.MaxLimit))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> entries, newest first, of the entries up to
    /// <paramref name="through"/> (or, when null, up to the newest entry now) that match. <see cref="AuditSearch.Limit"/>
    /// is not used.
    /// </summary>
    public async Task<AuditSearchPage> PageAsync(AuditSearch search, int page, int pageSize, long? through, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = database.Open();
        var newest = through ?? await db.Entries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var entries = Filter(db.Entries.AsNoTracking(), search).Where(e => e.Sequence <= newest);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Sequence)
            .Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize))
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new(rows, total, newest);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditSearch search)
    {
        if (search.Actor is { Length: > 0 } actor)
        {
            entries = entries.Where(e => e.Actor == actor);
        }
        if (search.Actors is { } actors)
        {
            entries = entries.Where(e => actors.Contains(e.Actor));
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
        return entries;
    }
}
