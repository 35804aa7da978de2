using Safeguard.Platform;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Publishing;

namespace Safeguard.Statistics.Portal;

/// <summary>Builds the "Cite this" of a portal page: the charity as publisher, the release, the page's address.</summary>
public static class PortalCitations
{
    public const string SourceNote = "Home Office figures obtained through Freedom of Information requests";

    public static Citation For(HttpContext context, Release release, string? pageTitle, PathString path)
    {
        var services = context.RequestServices;
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        return new Citation(
            services.GetRequiredService<PortalSettings>().Publisher,
            release.Title,
            release.Slug,
            pageTitle,
            release.PublishedAtUtc is { } published ? DateOnly.FromDateTime(published) : today,
            AbsoluteUrl(context, path),
            today,
            SourceNote);
    }

    /// <summary>The public address of a path: the site's public address (<see cref="PublicAddress"/>) and the path.</summary>
    public static Uri AbsoluteUrl(HttpContext context, PathString path) =>
        new($"{context.RequestServices.GetRequiredService<PublicAddress>().Of(context.Request)}{path}");
}
