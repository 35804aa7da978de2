using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Api;

/// <summary>A release as the API describes it.</summary>
internal sealed record ReleaseResource(
    string Slug, string Title, string Summary, string Status, DateTime? PublishedAt, string? ContentHash,
    string? Supersedes, string? Changelog, ReleaseLinks Links)
{
    public static ReleaseResource From(Release release, string? supersedes) => new(
        release.Slug, release.Title, release.Summary, release.Status.Code(),
        release.PublishedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
        release.ContentHash, supersedes, release.Changelog, new ReleaseLinks(release.Slug));
}

/// <summary>Where to find a release in other forms.</summary>
internal sealed record ReleaseLinks(string Slug)
{
    public string Html => $"/statistics/releases/{Slug}";

    public string Csv => $"/statistics/releases/{Slug}.csv";

    public string Xlsx => $"/statistics/releases/{Slug}.xlsx";

    public string Json => $"/statistics/releases/{Slug}.json";

    public string Observations => $"/api/v1/observations?release={Uri.EscapeDataString(Slug)}";
}

/// <summary>A theme and the slugs of its measures.</summary>
internal sealed record ThemeResource(string Slug, string Title, string Summary, string LegalSource, IReadOnlyList<string> Measures)
{
    public static ThemeResource From(Theme theme, IEnumerable<Measure> measures) =>
        new(theme.Slug, theme.Title, theme.Summary, theme.LegalSource, [.. measures.Where(m => m.ThemeId == theme.Id).Select(m => m.Slug)]);
}

/// <summary>What a measure counts.</summary>
internal sealed record MeasureResource(string Slug, string Name, string ShortName, string Theme, string Unit, string Definition, string LegalSource)
{
    public static MeasureResource From(Measure measure) =>
        new(measure.Slug, measure.Name, measure.ShortName, measure.Theme?.Slug ?? "", measure.Unit, measure.Definition, measure.LegalSource);
}

/// <summary>A place of detention or reporting category.</summary>
internal sealed record PlaceResource(string Slug, string Name, string Kind, string? Operator)
{
    public static PlaceResource From(Place place) => new(place.Slug, place.Name, KindCode(place.Kind), place.Operator);

    private static string KindCode(PlaceKind kind) => kind switch
    {
        PlaceKind.RemovalCentre => "removal-centre",
        PlaceKind.ShortTermHoldingFacility => "short-term-holding-facility",
        PlaceKind.PrisonEstate => "prison-estate",
        PlaceKind.PreDepartureAccommodation => "pre-departure-accommodation",
        PlaceKind.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown place kind."),
    };
}

/// <summary>One page of results, with links to its neighbours.</summary>
internal sealed record PagedResource<T>(
    IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages, string Release, PageLinks Links);

/// <summary>Links to this page and its neighbours (null at either end).</summary>
internal sealed record PageLinks(string Self, string? Previous, string? Next);
