using Safeguard.Statistics.Headlines;
using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// What /statistics shows: the latest release's headlines and safeguard gap, and the ways in. Rows are the figures
/// the headlines are written from, not the whole release (which can hold hundreds of thousands).
/// </summary>
public sealed record HomeView(
    Release? Release, Period? Period, IReadOnlyList<Headline> Headlines, SafeguardGap? Gap,
    IReadOnlyList<Theme> Themes, IReadOnlyList<Place> Places, IReadOnlyList<ObservationRow> Rows);

/// <summary>What /statistics/{theme} shows: the theme's figures in the latest release.</summary>
public sealed record ThemeView(Release? Release, Theme Theme, IReadOnlyList<Measure> Measures, IReadOnlyList<ObservationRow> Rows);

/// <summary>What /statistics/places/{place} shows: every figure for the place in the latest release.</summary>
public sealed record PlaceView(Release? Release, Place Place, IReadOnlyList<ObservationRow> Rows);

/// <summary>What /statistics/releases/{release} shows: one published release, whole.</summary>
public sealed record ReleaseView(Release Release, Release? Supersedes, IReadOnlyList<ObservationRow> Rows);

/// <summary>
/// What /statistics/sources/{sha256} shows: a source document that published figures cite, whether its original
/// file can be downloaded, and the published releases that cite it.
/// </summary>
public sealed record SourceView(SourceDocument Document, bool HasFile, IReadOnlyList<Release> Releases, Release? Latest);

/// <summary>What /statistics/releases/{before}/compare/{after} shows: how the figures of two published releases differ.</summary>
public sealed record CompareView(Release Before, Release After, ReleaseComparison Comparison);

/// <summary>
/// Loads each portal page's view; the Razor page and its .json and .csv twins call the same method, so a page and
/// its data cannot disagree. A null result means "no such theme, place or release": a 404.
/// </summary>
public sealed class PortalQueries(StatisticsReader reader)
{
    public async Task<HomeView> HomeAsync(CancellationToken cancellationToken)
    {
        var release = await reader.LatestReleaseAsync(cancellationToken);
        var themes = await reader.ThemesAsync(cancellationToken);
        var places = await reader.PlacesAsync(cancellationToken);
        if (release is null)
        {
            return new(null, null, [], null, themes, places, []);
        }
        var rows = await reader.ObservationsAsync(new ObservationFilter { ReleaseId = release.Id, MeasureSlugs = HeadlineWriter.Measures }, cancellationToken);
        var period = HeadlineWriter.HeadlinePeriod(rows);
        if (period is null)
        {
            return new(release, null, [], null, themes, places, rows);
        }
        return new(release, period, HeadlineWriter.Write(rows, period), new HeadlineFigures(rows, period).Gap(), themes, places, rows);
    }

    public async Task<ThemeView?> ThemeAsync(string slug, CancellationToken cancellationToken)
    {
        var theme = await reader.ThemeAsync(slug, cancellationToken);
        if (theme is null)
        {
            return null;
        }
        var measures = (await reader.MeasuresAsync(cancellationToken)).Where(m => m.ThemeId == theme.Id).ToList();
        var release = await reader.LatestReleaseAsync(cancellationToken);
        var rows = release is null ? [] : await reader.ObservationsAsync(new ObservationFilter { ReleaseId = release.Id, ThemeId = theme.Id }, cancellationToken);
        return new(release, theme, measures, rows);
    }

    public async Task<PlaceView?> PlaceAsync(string slug, CancellationToken cancellationToken)
    {
        var place = await reader.PlaceAsync(slug, cancellationToken);
        if (place is null)
        {
            return null;
        }
        var release = await reader.LatestReleaseAsync(cancellationToken);
        var rows = release is null ? [] : await reader.ObservationsAsync(new ObservationFilter { ReleaseId = release.Id, PlaceId = place.Id }, cancellationToken);
        return new(release, place, rows);
    }

    public async Task<ReleaseView?> ReleaseAsync(string slug, CancellationToken cancellationToken)
    {
        var release = await reader.PublishedReleaseAsync(slug, cancellationToken);
        if (release is null)
        {
            return null;
        }
        var supersedes = release.SupersedesId is { } id
            ? (await reader.PublishedReleasesAsync(cancellationToken)).FirstOrDefault(r => r.Id == id)
            : null;
        var rows = await reader.ObservationsAsync(new ObservationFilter { ReleaseId = release.Id }, cancellationToken);
        return new(release, supersedes, rows);
    }

    /// <summary>A source document by its SHA-256, when a published release cites it; null otherwise (a 404).</summary>
    public async Task<SourceView?> SourceAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!SourceAddresses.IsSha256(sha256) || await reader.PublishedSourceAsync(sha256, cancellationToken) is not { } document)
        {
            return null;
        }
        var releases = await reader.PublishedReleasesCitingAsync(document.Id, cancellationToken);
        var hasFile = await reader.HasSourceFileAsync(document.Id, cancellationToken);
        return new(document, hasFile, releases, await reader.LatestReleaseAsync(cancellationToken));
    }

    /// <summary>Two published releases and their differences; null when either is not published (a 404).</summary>
    public async Task<CompareView?> CompareAsync(string before, string after, CancellationToken cancellationToken)
    {
        if (await reader.PublishedReleaseAsync(before, cancellationToken) is not { } from
            || await reader.PublishedReleaseAsync(after, cancellationToken) is not { } to)
        {
            return null;
        }
        // Whole releases in memory: a few thousand rows each. The result is immutable and output-cached per page.
        var beforeRows = await reader.ObservationsAsync(new ObservationFilter { ReleaseId = from.Id }, cancellationToken);
        var afterRows = from.Id == to.Id ? beforeRows : await reader.ObservationsAsync(new ObservationFilter { ReleaseId = to.Id }, cancellationToken);
        return new(from, to, ReleaseComparison.Compare(beforeRows, afterRows));
    }

    public Task<List<Release>> ReleasesAsync(CancellationToken cancellationToken) => reader.PublishedReleasesAsync(cancellationToken);
}
