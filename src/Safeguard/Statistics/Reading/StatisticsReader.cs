using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Reading;

/// <summary>What to read from one release.</summary>
internal sealed record ObservationFilter
{
    public int ReleaseId { get; init; }

    public int? ThemeId { get; init; }

    public int? MeasureId { get; init; }

    public int? PlaceId { get; init; }

    /// <summary>Only periods starting on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only periods ending on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only these measures, by slug.</summary>
    public IReadOnlyCollection<string>? MeasureSlugs { get; init; }

    /// <summary>Only this period exactly (its key, e.g. "2024-Q3").</summary>
    public string? PeriodKey { get; init; }

    /// <summary>Only these places, by slug.</summary>
    public IReadOnlyCollection<string>? PlaceSlugs { get; init; }

    /// <summary>Only figures for the whole population (no breakdown).</summary>
    public bool WholePopulationOnly { get; init; }
}

/// <summary>Read-only queries over published statistics. Drafts are never returned here.</summary>
internal sealed class StatisticsReader(StatisticsDbContext db)
{
    public Task<List<Release>> PublishedReleasesAsync(CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.Status == ReleaseStatus.Published)
            .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>The release the portal shows by default: the most recently published.</summary>
    public Task<Release?> LatestReleaseAsync(CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.Status == ReleaseStatus.Published)
            .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<Release?> PublishedReleaseAsync(string slug, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Slug == slug && r.Status == ReleaseStatus.Published, cancellationToken);

    public Task<List<Theme>> ThemesAsync(CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking().OrderBy(t => t.DisplayOrder).ToListAsync(cancellationToken);

    public Task<Theme?> ThemeAsync(string slug, CancellationToken cancellationToken) =>
        db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);

    public Task<List<Measure>> MeasuresAsync(CancellationToken cancellationToken) =>
        db.Measures.AsNoTracking().Include(m => m.Theme).OrderBy(m => m.Theme!.DisplayOrder).ThenBy(m => m.DisplayOrder).ToListAsync(cancellationToken);

    public Task<Measure?> MeasureAsync(string slug, CancellationToken cancellationToken) =>
        db.Measures.AsNoTracking().Include(m => m.Theme).FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);

    public Task<List<Place>> PlacesAsync(CancellationToken cancellationToken) =>
        db.Places.AsNoTracking().OrderBy(p => p.DisplayOrder).ThenBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<Place?> PlaceAsync(string slug, CancellationToken cancellationToken) =>
        db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    /// <summary>
    /// The source document with this SHA-256 when a published release cites it, else null: drafts are never public,
    /// so a document that only drafts cite is as unknown here as one that does not exist.
    /// </summary>
    public Task<SourceDocument?> PublishedSourceAsync(string sha256, CancellationToken cancellationToken) =>
        db.SourceDocuments.AsNoTracking()
            .Where(d => d.Sha256 == sha256)
            .Where(d => db.Observations.Any(o => o.SourceDocumentId == d.Id && o.Release!.Status == ReleaseStatus.Published))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The published releases that cite a source document, newest first.</summary>
    public Task<List<Release>> PublishedReleasesCitingAsync(int sourceDocumentId, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking()
            .Where(r => r.Status == ReleaseStatus.Published && r.Observations.Any(o => o.SourceDocumentId == sourceDocumentId))
            .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>Whether the original bytes of a source document are stored.</summary>
    public Task<bool> HasSourceFileAsync(int sourceDocumentId, CancellationToken cancellationToken) =>
        db.SourceFiles.AnyAsync(f => f.SourceDocumentId == sourceDocumentId, cancellationToken);

    /// <summary>The original bytes of a source document, or null when none are stored.</summary>
    public Task<byte[]?> SourceFileContentAsync(int sourceDocumentId, CancellationToken cancellationToken) =>
        db.SourceFiles.AsNoTracking().Where(f => f.SourceDocumentId == sourceDocumentId).Select(f => f.Content).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The periods a release has figures for, earliest first.</summary>
    public async Task<List<string>> PeriodKeysAsync(int releaseId, CancellationToken cancellationToken) =>
        [.. (await db.Observations.AsNoTracking().Where(o => o.ReleaseId == releaseId)
                .Select(o => new { o.PeriodKey, o.PeriodStart, o.PeriodEnd }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(p => p.PeriodStart).ThenBy(p => p.PeriodEnd).Select(p => p.PeriodKey)];

    /// <summary>The distinct periods of the matching observations, in no particular order.</summary>
    public async Task<List<Period>> PeriodsAsync(ObservationFilter filter, CancellationToken cancellationToken) =>
        [.. (await Filtered(filter).Select(o => o.PeriodKey).Distinct().ToListAsync(cancellationToken)).Select(Period.FromKey)];

    /// <summary>How many observations match, for paging.</summary>
    public Task<int> CountAsync(ObservationFilter filter, CancellationToken cancellationToken) =>
        Filtered(filter).CountAsync(cancellationToken);

    /// <summary>Observations in display order: theme, measure, place, period, breakdown.</summary>
    public Task<List<ObservationRow>> ObservationsAsync(ObservationFilter filter, CancellationToken cancellationToken, int skip = 0, int? take = null)
    {
        var query = Filtered(filter)
            .OrderBy(o => o.Measure!.Theme!.DisplayOrder).ThenBy(o => o.Measure!.DisplayOrder)
            .ThenBy(o => o.Place!.DisplayOrder).ThenBy(o => o.Place!.Name)
            .ThenBy(o => o.PeriodStart).ThenBy(o => o.PeriodEnd).ThenBy(o => o.Breakdown).ThenBy(o => o.Id)
            .Skip(skip);
        if (take is { } limit)
        {
            query = query.Take(limit);
        }
        return query.Select(o => new ObservationRow(
                o.Release!.Slug, o.Measure!.Theme!.Slug, o.Measure.Slug, o.Measure.Name, o.Measure.Unit,
                o.Place!.Slug, o.Place.Name, o.Place.Kind, o.PeriodKey, o.PeriodStart, o.PeriodEnd, o.Breakdown, o.Value, o.Status, o.Note,
                o.SourceDocument!.Title, o.SourceDocument.Authority, o.SourceDocument.Reference, o.SourceDocument.FileName,
                o.SourceDocument.Sha256, o.SourceLocation))
            .ToListAsync(cancellationToken);
    }

    private IQueryable<Observation> Filtered(ObservationFilter filter)
    {
        var query = db.Observations.AsNoTracking().Where(o => o.ReleaseId == filter.ReleaseId);
        if (filter.ThemeId is { } themeId)
        {
            query = query.Where(o => o.Measure!.ThemeId == themeId);
        }
        if (filter.MeasureId is { } measureId)
        {
            query = query.Where(o => o.MeasureId == measureId);
        }
        if (filter.PlaceId is { } placeId)
        {
            query = query.Where(o => o.PlaceId == placeId);
        }
        if (filter.MeasureSlugs is { } slugs)
        {
            query = query.Where(o => slugs.Contains(o.Measure!.Slug));
        }
        if (filter.PlaceSlugs is { } placeSlugs)
        {
            query = query.Where(o => placeSlugs.Contains(o.Place!.Slug));
        }
        if (filter.WholePopulationOnly)
        {
            query = query.Where(o => o.Breakdown == "");
        }
        if (filter.PeriodKey is { } periodKey)
        {
            query = query.Where(o => o.PeriodKey == periodKey);
        }
        if (filter.From is { } from)
        {
            query = query.Where(o => o.PeriodStart >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(o => o.PeriodEnd <= to);
        }
        return query;
    }
}
