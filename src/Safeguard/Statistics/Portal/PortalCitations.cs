using Safeguard.Platform;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// Builds the "Cite this" of a portal page: the charity as publisher, the release and its own address, which never
/// changes. Pages of the latest release add their address and the day read; a release's own pages and downloads,
/// cached for a year, leave the day to the reader.
/// </summary>
internal static class PortalCitations
{
    public const string SourceNote = "Home Office figures obtained through Freedom of Information requests";

    /// <summary>The citation on a page that shows the latest release (the home, theme and place pages and their twins).</summary>
    public static Citation ForLatest(HttpContext context, Release release, string? pageTitle) =>
        Cite(context, release, pageTitle, new Citation.PageRead(AbsoluteUrl(context, context.Request.Path), Today(context)));

    /// <summary>The citation on a release's own page and downloads, which never change.</summary>
    public static Citation ForRelease(HttpContext context, Release release) => Cite(context, release, null, null);

    /// <summary>The permanent address of a release.</summary>
    public static Uri ReleaseUrl(HttpContext context, Release release) => AbsoluteUrl(context, $"/statistics/releases/{release.Slug}");

    private static Citation Cite(HttpContext context, Release release, string? pageTitle, Citation.PageRead? readOn) => new(
        context.RequestServices.GetRequiredService<PortalSettings>().Publisher,
        release.Title,
        release.Slug,
        pageTitle,
        release.PublishedAtUtc is { } published ? DateOnly.FromDateTime(published) : Today(context),
        ReleaseUrl(context, release),
        readOn,
        SourceNote);

    private static DateOnly Today(HttpContext context) =>
        DateOnly.FromDateTime(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>The public address of a path: the site's public address (<see cref="PublicAddress"/>) and the path.</summary>
    private static Uri AbsoluteUrl(HttpContext context, PathString path) =>
        new($"{context.RequestServices.GetRequiredService<PublicAddress>().Of(context.Request)}{path}");
}
