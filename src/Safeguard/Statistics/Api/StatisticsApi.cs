using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Platform;
using Safeguard.Statistics.Downloads;
using Safeguard.Statistics.Portal;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Api;

/// <summary>
/// <c>/api/v1</c>: read-only access to published statistics. Every error is a ProblemDetails; responses that name
/// a release are immutable and cacheable for a year; those about "the latest release" for a minute.
/// </summary>
internal static class StatisticsApi
{
    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Statistics").RequireCors(PlatformPolicies.ReadOnlyCors);

        api.MapRead("/releases", ListReleasesAsync).WithName("ListReleases")
            .WithSummary("Published releases, newest first").CacheOutput(PortalCaching.Latest);
        api.MapRead("/releases/{release}", GetReleaseAsync).WithName("GetRelease")
            .WithSummary("One published release, with its content hash").CacheOutput(PortalCaching.Versioned);
        api.MapRead("/themes", ListThemesAsync).WithName("ListThemes")
            .WithSummary("The safeguards the statistics follow").CacheOutput(PortalCaching.Latest);
        api.MapRead("/themes/{theme}", GetThemeAsync).WithName("GetTheme")
            .WithSummary("One theme and its measures").CacheOutput(PortalCaching.Latest);
        api.MapRead("/measures", ListMeasuresAsync).WithName("ListMeasures")
            .WithSummary("What is counted, with definitions and legal sources").CacheOutput(PortalCaching.Latest);
        api.MapRead("/measures/{measure}", GetMeasureAsync).WithName("GetMeasure")
            .WithSummary("One measure").CacheOutput(PortalCaching.Latest);
        api.MapRead("/places", ListPlacesAsync).WithName("ListPlaces")
            .WithSummary("Places of detention and reporting categories").CacheOutput(PortalCaching.Latest);
        api.MapRead("/places/{place}", GetPlaceAsync).WithName("GetPlace")
            .WithSummary("One place").CacheOutput(PortalCaching.Latest);
        api.MapRead("/observations", ListObservationsAsync).WithName("ListObservations")
            .WithSummary("Figures with status, note and source, filtered and paginated")
            .WithDescription("Filter by release (default: the latest), theme, measure, place, and either one period exactly (period) or a range (from, to); periods are written 2024, 2024-H1, 2024-Q3, 2024-03 or 2024-12-31. A period the release has no figures for is a 404. page starts at 1; pageSize is at most 1000; links to this and the neighbouring pages name the release served, so paging stays in one release while another is published. Each figure's source document, with a download of the original file, is at /statistics/sources/{sourceSha256}.")
            .CacheOutput(PortalCaching.Observations);
    }

    private static async Task<Results<Ok<List<ReleaseResource>>, StatusCodeHttpResult>> ListReleasesAsync(StatisticsReader reader, HttpContext context, CancellationToken cancellationToken)
    {
        var releases = await reader.PublishedReleasesAsync(cancellationToken);
        // The list changes only when a release is published, and the newest release names that moment.
        if (PortalCaching.NotModified(context, releases.FirstOrDefault(), "releases", versioned: false))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(releases.Select(r => ReleaseResource.From(r, releases.FirstOrDefault(s => s.Id == r.SupersedesId)?.Slug)).ToList());
    }

    private static async Task<Results<Ok<ReleaseResource>, ProblemHttpResult, StatusCodeHttpResult>> GetReleaseAsync(
        string release, StatisticsReader reader, HttpContext context, CancellationToken cancellationToken)
    {
        var releases = await reader.PublishedReleasesAsync(cancellationToken);
        var found = releases.FirstOrDefault(r => r.Slug == release);
        if (found is null)
        {
            return NotFound("release", release);
        }
        if (PortalCaching.NotModified(context, found, "api-release", versioned: true))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Ok(ReleaseResource.From(found, releases.FirstOrDefault(s => s.Id == found.SupersedesId)?.Slug));
    }

    private static async Task<Ok<List<ThemeResource>>> ListThemesAsync(StatisticsReader reader, CancellationToken cancellationToken)
    {
        var measures = await reader.MeasuresAsync(cancellationToken);
        return TypedResults.Ok((await reader.ThemesAsync(cancellationToken)).Select(t => ThemeResource.From(t, measures)).ToList());
    }

    private static async Task<Results<Ok<ThemeResource>, ProblemHttpResult>> GetThemeAsync(string theme, StatisticsReader reader, CancellationToken cancellationToken)
    {
        var found = await reader.ThemeAsync(theme, cancellationToken);
        return found is null
            ? NotFound("theme", theme)
            : TypedResults.Ok(ThemeResource.From(found, await reader.MeasuresAsync(cancellationToken)));
    }

    private static async Task<Ok<List<MeasureResource>>> ListMeasuresAsync(StatisticsReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reader.MeasuresAsync(cancellationToken)).Select(MeasureResource.From).ToList());

    private static async Task<Results<Ok<MeasureResource>, ProblemHttpResult>> GetMeasureAsync(string measure, StatisticsReader reader, CancellationToken cancellationToken) =>
        await reader.MeasureAsync(measure, cancellationToken) is { } found ? TypedResults.Ok(MeasureResource.From(found)) : NotFound("measure", measure);

    private static async Task<Ok<List<PlaceResource>>> ListPlacesAsync(StatisticsReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reader.PlacesAsync(cancellationToken)).Select(PlaceResource.From).ToList());

    private static async Task<Results<Ok<PlaceResource>, ProblemHttpResult>> GetPlaceAsync(string place, StatisticsReader reader, CancellationToken cancellationToken) =>
        await reader.PlaceAsync(place, cancellationToken) is { } found ? TypedResults.Ok(PlaceResource.From(found)) : NotFound("place", place);

    private static async Task<Results<Ok<PagedResource<TidyObservation>>, ProblemHttpResult, ValidationProblem, StatusCodeHttpResult>> ListObservationsAsync(
        HttpContext context, StatisticsReader reader, CancellationToken cancellationToken)
    {
        var (query, errors) = ObservationQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The query has parameters that are not right.", detail: "See 'errors': each names a parameter and what to change.");
        }
        var release = query.Release is null
            ? await reader.LatestReleaseAsync(cancellationToken)
            : await reader.PublishedReleaseAsync(query.Release, cancellationToken);
        if (release is null)
        {
            return query.Release is null
                ? TypedResults.Problem(title: "Nothing has been published yet.", statusCode: StatusCodes.Status404NotFound)
                : NotFound("release", query.Release);
        }
        var filter = new ObservationFilter { ReleaseId = release.Id, PeriodKey = query.Period?.Key, From = query.From?.Start, To = query.To?.End };
        if (query.Period is { } period)
        {
            var covered = await reader.PeriodKeysAsync(release.Id, cancellationToken);
            if (!covered.Contains(period.Key))
            {
                return TypedResults.Problem(
                    title: $"Release '{release.Slug}' has no figures for the period '{period.Key}'.",
                    detail: $"It covers: {string.Join(", ", covered)}. For a range, use 'from' and 'to'.",
                    statusCode: StatusCodes.Status404NotFound,
                    extensions: new Dictionary<string, object?> { ["parameter"] = "period" });
            }
        }
        if (query.Theme is not null)
        {
            if (await reader.ThemeAsync(query.Theme, cancellationToken) is not { } theme)
            {
                return NotFound("theme", query.Theme);
            }
            filter = filter with { ThemeId = theme.Id };
        }
        if (query.Measure is not null)
        {
            if (await reader.MeasureAsync(query.Measure, cancellationToken) is not { } measure)
            {
                return NotFound("measure", query.Measure);
            }
            filter = filter with { MeasureId = measure.Id };
        }
        if (query.Place is not null)
        {
            if (await reader.PlaceAsync(query.Place, cancellationToken) is not { } place)
            {
                return NotFound("place", query.Place);
            }
            filter = filter with { PlaceId = place.Id };
        }
        if (PortalCaching.NotModified(context, release, PortalCaching.ViewKey("observations", context.Request.QueryString.Value), versioned: query.Release is not null))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var total = await reader.CountAsync(filter, cancellationToken);
        var rows = await reader.ObservationsAsync(filter, cancellationToken, (query.Page - 1) * query.PageSize, query.PageSize);
        var pages = (int)Math.Ceiling(total / (double)query.PageSize);
        // The links name the release served, so a script that follows them while another is published stays in this one.
        var served = query with { Release = release.Slug };
        var links = new PageLinks(
            served.ForPage(query.Page),
            query.Page > 1 ? served.ForPage(Math.Min(query.Page - 1, Math.Max(pages, 1))) : null,
            query.Page < pages ? served.ForPage(query.Page + 1) : null);
        return TypedResults.Ok(new PagedResource<TidyObservation>(
            [.. rows.Select(TidyObservation.From)], query.Page, query.PageSize, total, pages, release.Slug, links));
    }

    internal static ProblemHttpResult NotFound(string what, string slug) => TypedResults.Problem(
        title: $"There is no {what} '{slug}'.",
        detail: $"See /api/v1/{what}s for the {what}s that exist.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["parameter"] = what });
}
