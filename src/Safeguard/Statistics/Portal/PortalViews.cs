using Safeguard.Platform.Web;
using Safeguard.Statistics.Contracts;
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
internal sealed record HomeView(
    Release? Release, Period? Period, IReadOnlyList<Headline> Headlines, SafeguardGap? Gap,
    IReadOnlyList<Theme> Themes, IReadOnlyList<Place> Places, IReadOnlyList<ObservationRow> Rows);

/// <summary>The theme's figures in the latest release, every one: the .json and .csv twins of /statistics/{theme}.</summary>
internal sealed record ThemeView(Release? Release, Theme Theme, IReadOnlyList<Measure> Measures, IReadOnlyList<ObservationRow> Rows);

/// <summary>Every figure for the place in the latest release: the twins of /statistics/places/{place}.</summary>
internal sealed record PlaceView(Release? Release, Place Place, IReadOnlyList<ObservationRow> Rows);

/// <summary>One published release, whole: its downloads.</summary>
internal sealed record ReleaseView(Release Release, Release? Supersedes, IReadOnlyList<ObservationRow> Rows);

/// <summary>
/// One page of a figures table (<see cref="Pagination"/>), with the rest of each series on it (same measure and
/// place, every period) so the change on the previous period can be given for a figure whose previous period is on
/// another page.
/// </summary>
/// <remarks><see cref="Population"/>: the counts of people detained for the places on the page, for rates per 100.</remarks>
internal sealed record FiguresPage(Pagination Pages, IReadOnlyList<ObservationRow> Rows, IReadOnlyList<ObservationRow> Series, IReadOnlyList<ObservationRow> Population)
{
    /// <summary>The table for the page, its caption naming the figures shown when there is more than one page.</summary>
    public FiguresTable Table(string caption) =>
        new(Pages.PageCount > 1 ? $"{caption} ({Pages.Range("figures")})" : caption, Rows, Series, Pages, Population);
}

/// <summary>
/// What /statistics/{theme} shows: a page of the theme's figures in the latest release, and the figures its chart
/// is drawn from (the latest period, whole population), read apart so the chart does not depend on the page.
/// </summary>
internal sealed record ThemePageView(Release? Release, Theme Theme, IReadOnlyList<Measure> Measures, FiguresPage Figures, IReadOnlyList<ObservationRow> ChartRows);

/// <summary>What /statistics/places/{place} shows: a page of the place's figures, and its chart's figures.</summary>
internal sealed record PlacePageView(Release? Release, Place Place, FiguresPage Figures, IReadOnlyList<ObservationRow> ChartRows);

/// <summary>
/// What /statistics/releases/{release} shows: one published release, a page of its figures, and the releases
/// published before it (to compare with).
/// </summary>
internal sealed record ReleasePageView(Release Release, Release? Supersedes, IReadOnlyList<Release> Earlier, FiguresPage Figures);

/// <summary>
/// What /statistics/sources/{sha256} shows: a source document that published figures cite, whether its original
/// file can be downloaded, and the published releases that cite it.
/// </summary>
internal sealed record SourceView(SourceDocument Document, bool HasFile, IReadOnlyList<Release> Releases, Release? Latest);

/// <summary>What /statistics/releases/{before}/compare/{after} shows: how the figures of two published releases differ.</summary>
internal sealed record CompareView(Release Before, Release After, ReleaseComparison Comparison);

/// <summary>
/// Loads each portal page's view; the Razor page and its .json and .csv twins call the same method, so a page and
/// its data cannot disagree. A null result means "no such theme, place or release": a 404.
/// </summary>
internal sealed class PortalQueries(StatisticsReader reader, PortalSettings settings)
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

    /// <summary>A page of the theme's figures; null for an unknown theme or a page past the last.</summary>
    public async Task<ThemePageView?> ThemePageAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var theme = await reader.ThemeAsync(slug, cancellationToken);
        if (theme is null)
        {
            return null;
        }
        var measures = (await reader.MeasuresAsync(cancellationToken)).Where(m => m.ThemeId == theme.Id).ToList();
        var release = await reader.LatestReleaseAsync(cancellationToken);
        var filter = new ObservationFilter { ReleaseId = release?.Id ?? 0, ThemeId = theme.Id };
        var figures = await FiguresPageAsync(release is null ? null : filter, page, $"/statistics/{theme.Slug}", cancellationToken);
        return figures is null ? null : new(release, theme, measures, figures, await ChartRowsAsync(release is null ? null : filter, cancellationToken));
    }

    /// <summary>A page of the place's figures; null for an unknown place or a page past the last.</summary>
    public async Task<PlacePageView?> PlacePageAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var place = await reader.PlaceAsync(slug, cancellationToken);
        if (place is null)
        {
            return null;
        }
        var release = await reader.LatestReleaseAsync(cancellationToken);
        var filter = new ObservationFilter { ReleaseId = release?.Id ?? 0, PlaceId = place.Id };
        var figures = await FiguresPageAsync(release is null ? null : filter, page, $"/statistics/places/{place.Slug}", cancellationToken);
        return figures is null ? null : new(release, place, figures, await ChartRowsAsync(release is null ? null : filter, cancellationToken));
    }

    /// <summary>A published release with a page of its figures; null when it is not published or the page is past the last.</summary>
    public async Task<ReleasePageView?> ReleasePageAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var releases = await reader.PublishedReleasesAsync(cancellationToken);
        var index = releases.FindIndex(r => r.Slug == slug);
        if (index < 0)
        {
            return null;
        }
        var release = releases[index];
        var figures = await FiguresPageAsync(new ObservationFilter { ReleaseId = release.Id }, page, $"/statistics/releases/{release.Slug}", cancellationToken);
        if (figures is null)
        {
            return null;
        }
        // Newest first, so those after this one in the list were published before it.
        return new(release, releases.FirstOrDefault(r => r.Id == release.SupersedesId), [.. releases.Skip(index + 1)], figures);
    }

    /// <summary>
    /// One page of the figures a filter matches (none when there is no release yet), with the series on it; null
    /// when the page is past the last.
    /// </summary>
    private async Task<FiguresPage?> FiguresPageAsync(ObservationFilter? filter, int page, string path, CancellationToken cancellationToken)
    {
        var total = filter is null ? 0 : await reader.CountAsync(filter, cancellationToken);
        var pages = new Pagination(page, settings.FiguresPerPage, total, path, "Pages of figures", "figures");
        if (!pages.Exists)
        {
            return null;
        }
        if (filter is null || total == 0)
        {
            return new(pages, [], [], []);
        }
        var rows = await reader.ObservationsAsync(filter, cancellationToken, pages.Skip, pages.PageSize);
        var places = rows.Select(r => r.Place).Distinct().ToList();
        // The people detained at the page's places, in any period: the denominators of its rates per 100.
        var population = await reader.ObservationsAsync(
            new ObservationFilter { ReleaseId = filter.ReleaseId, MeasureSlugs = RatePer100.PopulationMeasures, PlaceSlugs = places, WholePopulationOnly = true },
            cancellationToken);
        if (pages.PageCount == 1)
        {
            return new(pages, rows, rows, population);
        }
        // Every period of the measures and places on the page: a superset of its series, small beside the release.
        var series = await reader.ObservationsAsync(
            filter with { MeasureSlugs = [.. rows.Select(r => r.Measure).Distinct()], PlaceSlugs = places },
            cancellationToken);
        return new(pages, rows, series, population);
    }

    /// <summary>The figures a theme or place chart is drawn from: the headline period's, for the whole population.</summary>
    private async Task<IReadOnlyList<ObservationRow>> ChartRowsAsync(ObservationFilter? filter, CancellationToken cancellationToken)
    {
        if (filter is null)
        {
            return [];
        }
        var wholePopulation = filter with { WholePopulationOnly = true };
        var period = HeadlineWriter.HeadlinePeriod(await reader.PeriodsAsync(wholePopulation, cancellationToken));
        return period is null ? [] : await reader.ObservationsAsync(wholePopulation with { PeriodKey = period.Key }, cancellationToken);
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
    public async Task<SourceView?> SourceAsync(string? sha256, CancellationToken cancellationToken)
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
