using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Platform;
using Safeguard.Statistics.Api;
using Safeguard.Statistics.Downloads;
using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// The machine twins of the portal's pages: the same path with .json or .csv (and .xlsx for a release), built from
/// the same view as the page. Unknown names get a ProblemDetails 404.
/// </summary>
internal static class PageTwinEndpoints
{
    private const string CsvType = "text/csv; charset=utf-8";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPageTwins(this IEndpointRouteBuilder app)
    {
        var twins = app.MapGroup("/statistics").WithTags("Page data").RequireCors(PlatformPolicies.ReadOnlyCors);

        app.MapRead("/statistics.json", HomeJsonAsync).RequireCors(PlatformPolicies.ReadOnlyCors).WithTags("Page data").CacheOutput(PortalCaching.Latest).WithName("StatisticsJson")
            .WithSummary("/statistics as data: headlines, the safeguard gap, themes and places of the latest release");
        app.MapRead("/statistics.csv", HomeCsvAsync).RequireCors(PlatformPolicies.ReadOnlyCors).WithTags("Page data").CacheOutput(PortalCaching.Latest).WithName("StatisticsCsv")
            .WithSummary("The figures behind the /statistics headlines, tidy CSV (the whole release: /statistics/releases/{release}.csv)");
        twins.MapRead("/{theme:regex(^[a-z0-9-]+$)}.json", ThemeJsonAsync).CacheOutput(PortalCaching.Latest).WithName("ThemeJson")
            .WithSummary("A theme page as data");
        twins.MapRead("/{theme:regex(^[a-z0-9-]+$)}.csv", ThemeCsvAsync).CacheOutput(PortalCaching.Latest).WithName("ThemeCsv")
            .WithSummary("A theme's figures, tidy CSV");
        twins.MapRead("/places/{place:regex(^[a-z0-9-]+$)}.json", PlaceJsonAsync).CacheOutput(PortalCaching.Latest).WithName("PlaceJson")
            .WithSummary("A place page as data");
        twins.MapRead("/places/{place:regex(^[a-z0-9-]+$)}.csv", PlaceCsvAsync).CacheOutput(PortalCaching.Latest).WithName("PlaceCsv")
            .WithSummary("A place's figures, tidy CSV");
        twins.MapRead("/releases/{release:regex(^[a-z0-9-]+$)}.json", ReleaseJsonAsync).CacheOutput(PortalCaching.Versioned).WithName("ReleaseJson")
            .WithSummary("A whole release, JSON download");
        twins.MapRead("/releases/{release:regex(^[a-z0-9-]+$)}.csv", ReleaseCsvAsync).CacheOutput(PortalCaching.Versioned).WithName("ReleaseCsv")
            .WithSummary("A whole release, tidy CSV download");
        twins.MapRead("/releases/{release:regex(^[a-z0-9-]+$)}.xlsx", ReleaseXlsxAsync).CacheOutput(PortalCaching.Versioned).WithName("ReleaseXlsx")
            .WithSummary("A whole release, Excel workbook download");
    }

    /// <summary>/statistics.json</summary>
    public sealed record HomeDocument(
        ReleaseSummary? Release, PeriodDocument? Period, IReadOnlyList<HeadlineDocument> Headlines, GapDocument? SafeguardGap,
        IReadOnlyList<LinkDocument> Themes, IReadOnlyList<LinkDocument> Places, string Credit);

    public sealed record PeriodDocument(string Key, string Label, string Start, string End);

    public sealed record HeadlineDocument(string Text, string Theme);

    public sealed record FigureDocument(decimal? Value, string Status, string Display);

    public sealed record GapDocument(
        PeriodDocument Period, FigureDocument AcdtsOpened, FigureDocument? ConstantSupervisionAcdts, FigureDocument? Rule35Part1Reports,
        FigureDocument? Rule35Part2Reports, FigureDocument SuicideRiskReports, FigureDocument ReportsPer100Acdts, FigureDocument AcdtsPerReport,
        string? Sentence);

    public sealed record LinkDocument(string Slug, string Title, string Url, string Json);

    /// <summary>A theme or place page as data.</summary>
    public sealed record FiguresDocument<T>(ReleaseSummary? Release, T Subject, string Credit, IReadOnlyList<TidyObservation> Observations);

    private static async Task<Results<Ok<HomeDocument>, StatusCodeHttpResult>> HomeJsonAsync(HttpContext context, PortalQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.HomeAsync(cancellationToken);
        if (PortalCaching.NotModified(context, view.Release, "home-json", versioned: false))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(new HomeDocument(
            Summary(context, view.Release),
            view.Period is null ? null : PeriodOf(view.Period),
            [.. view.Headlines.Select(h => new HeadlineDocument(h.Text, h.Theme))],
            view.Gap is null ? null : GapOf(view.Gap),
            [.. view.Themes.Select(t => new LinkDocument(t.Slug, t.Title, $"/statistics/{t.Slug}", $"/statistics/{t.Slug}.json"))],
            [.. view.Places.Select(p => new LinkDocument(p.Slug, p.Name, $"/statistics/places/{p.Slug}", $"/statistics/places/{p.Slug}.json"))],
            LatestCredit(context, view.Release, null)));
    }

    private static async Task<IResult> HomeCsvAsync(HttpContext context, PortalQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.HomeAsync(cancellationToken);
        return Csv(context, view.Release, view.Rows, "home-csv", versioned: false, $"statistics-{view.Release?.Slug ?? "none"}.csv", cancellationToken);
    }

    private static async Task<Results<Ok<FiguresDocument<ThemeResource>>, ProblemHttpResult, StatusCodeHttpResult>> ThemeJsonAsync(
        string theme, HttpContext context, PortalQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.ThemeAsync(theme, cancellationToken) is not { } view)
        {
            return NotFound("theme", theme);
        }
        if (PortalCaching.NotModified(context, view.Release, $"theme-json-{theme}", versioned: false))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(new FiguresDocument<ThemeResource>(
            Summary(context, view.Release), ThemeResource.From(view.Theme, view.Measures), LatestCredit(context, view.Release, view.Theme.Title),
            [.. view.Rows.Select(TidyObservation.From)]));
    }

    private static async Task<IResult> ThemeCsvAsync(string theme, HttpContext context, PortalQueries queries, CancellationToken cancellationToken) =>
        await queries.ThemeAsync(theme, cancellationToken) is { } view
            ? Csv(context, view.Release, view.Rows, $"theme-csv-{theme}", versioned: false, $"statistics-{view.Release?.Slug ?? "none"}-{theme}.csv", cancellationToken)
            : NotFound("theme", theme);

    private static async Task<Results<Ok<FiguresDocument<PlaceResource>>, ProblemHttpResult, StatusCodeHttpResult>> PlaceJsonAsync(
        string place, HttpContext context, PortalQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.PlaceAsync(place, cancellationToken) is not { } view)
        {
            return NotFound("place", place);
        }
        if (PortalCaching.NotModified(context, view.Release, $"place-json-{place}", versioned: false))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(new FiguresDocument<PlaceResource>(
            Summary(context, view.Release), PlaceResource.From(view.Place), LatestCredit(context, view.Release, view.Place.Name),
            [.. view.Rows.Select(TidyObservation.From)]));
    }

    private static async Task<IResult> PlaceCsvAsync(string place, HttpContext context, PortalQueries queries, CancellationToken cancellationToken) =>
        await queries.PlaceAsync(place, cancellationToken) is { } view
            ? Csv(context, view.Release, view.Rows, $"place-csv-{place}", versioned: false, $"statistics-{view.Release?.Slug ?? "none"}-{place}.csv", cancellationToken)
            : NotFound("place", place);

    private static async Task<IResult> ReleaseJsonAsync(string release, HttpContext context, PortalQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.ReleaseAsync(release, cancellationToken) is not { } view)
        {
            return NotFound("release", release);
        }
        if (PortalCaching.NotModified(context, view.Release, "release-json", versioned: true))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var summary = Summary(context, view.Release)!;
        var credit = PortalCitations.ForRelease(context, view.Release).ToCreditLine();
        return TypedResults.Stream(output => ReleaseJson.WriteAsync(summary, credit, view.Rows, output, cancellationToken), "application/json; charset=utf-8");
    }

    private static async Task<IResult> ReleaseCsvAsync(string release, HttpContext context, PortalQueries queries, CancellationToken cancellationToken) =>
        await queries.ReleaseAsync(release, cancellationToken) is { } view
            ? Csv(context, view.Release, view.Rows, "release-csv", versioned: true, $"statistics-{release}.csv", cancellationToken)
            : NotFound("release", release);

    private static async Task<IResult> ReleaseXlsxAsync(string release, HttpContext context, PortalQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.ReleaseAsync(release, cancellationToken) is not { } view)
        {
            return NotFound("release", release);
        }
        if (PortalCaching.NotModified(context, view.Release, "release-xlsx", versioned: true))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var r = view.Release;
        IReadOnlyList<(string, string)> about =
        [
            ("Title", r.Title),
            ("Release", r.Slug),
            ("Status", "Published; this release will not change. Corrections are published as new releases."),
            ("Published", r.PublishedAtUtc?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            ("Content hash (SHA-256)", r.ContentHash ?? ""),
            ("Address", PortalCitations.ReleaseUrl(context, r).ToString()),
            ("Credit", PortalCitations.ForRelease(context, r).ToCreditLine()),
            ("Statuses", "exact; at-least (a lower bound); at-most (an upper bound); estimated; suppressed, not-held and not-applicable carry no value and are never zero."),
        ];
        return TypedResults.Stream(output => TidyXlsxWriter.WriteAsync(view.Rows, about, output, cancellationToken), Xlsx, $"statistics-{release}.xlsx");
    }

    private static IResult Csv(
        HttpContext context, Release? release, IReadOnlyList<ObservationRow> rows, string view, bool versioned, string fileName, CancellationToken cancellationToken) =>
        PortalCaching.NotModified(context, release, view, versioned)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Stream(output => TidyCsvWriter.WriteAsync(rows, output, cancellationToken), CsvType, fileName);

    private static ReleaseSummary? Summary(HttpContext context, Release? release) =>
        release is null ? null : ReleaseSummary.From(release, PortalCitations.ReleaseUrl(context, release).ToString());

    private static string LatestCredit(HttpContext context, Release? release, string? page) =>
        release is null ? "" : PortalCitations.ForLatest(context, release, page).ToCreditLine();

    private static PeriodDocument PeriodOf(Period period) =>
        new(period.Key, period.Label, TidyColumns.FormatDate(period.Start), TidyColumns.FormatDate(period.End));

    private static FigureDocument CountOf(Figure figure) => FigureOf(figure, FigureText.Count(figure.Value, figure.Status));

    /// <summary>A count the release may not hold: null (not a status) when it does not.</summary>
    private static FigureDocument? CountOf(Figure? figure) => figure is { } held ? CountOf(held) : null;

    private static FigureDocument RatioOf(Figure figure) => FigureOf(figure, FigureText.Ratio(figure.Value, figure.Status));

    private static FigureDocument FigureOf(Figure figure, string display) => new(
        figure.HasValue ? decimal.Round(figure.Value!.Value, 2) : null, figure.Status.Code(), display);

    private static GapDocument GapOf(SafeguardGap gap) => new(
        PeriodOf(gap.Period), CountOf(gap.AcdtsOpened), CountOf(gap.ConstantSupervisionAcdts), CountOf(gap.Rule35Part1Reports),
        CountOf(gap.Rule35Part2Reports), CountOf(gap.SuicideRiskReports), RatioOf(gap.ReportsPer100Acdts), RatioOf(gap.AcdtsPerReport),
        Headlines.HeadlineWriter.Gap(gap));

    private static ProblemHttpResult NotFound(string what, string slug) => StatisticsApi.NotFound(what, slug);
}
