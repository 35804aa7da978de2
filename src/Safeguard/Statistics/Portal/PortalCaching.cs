using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// HTTP caching of public statistics. A published release never changes, so anything addressed by release
/// (a versioned URL) may be cached for a year; views of "the latest release" are cached briefly, because a new
/// release can be published at any time. The server keeps rendered responses in its output cache; the entries of
/// "latest" views are keyed by the latest release as the publication signal (<see cref="LatestPublication"/>) knows
/// it, so once a node hears of a publication (from its own publisher, another node or the command line) no request
/// finds an entry rendered before it. Keys rather than eviction, because a page being rendered while the signal
/// arrives would be stored after an eviction and served stale for the whole lifetime; under a key it is stored
/// under the release it read, which is never older than the key's.
/// </summary>
internal static class PortalCaching
{
    /// <summary>Output-cache policy for views of the latest release.</summary>
    public const string Latest = "statistics-latest";

    /// <summary>Output-cache policy for views addressed by release.</summary>
    public const string Versioned = "statistics-versioned";

    /// <summary>Output-cache policy for the observations API, a view of the latest release unless it names one.</summary>
    public const string Observations = "statistics-observations";

    private const string Immutable = "public, max-age=31536000, immutable";

    public static void AddPortalCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<PortalSettings, LatestPublication>((options, settings, latest) =>
        {
            // Read from memory on every request, cache hits included: no round trip to the database.
            KeyValuePair<string, string> latestRelease(HttpContext _) => new("latest-release", latest.Current?.Slug ?? "");
            // Slugs are lower case and looked up exactly: /statistics/Use-Of-Force must not be served from the cache of /statistics/use-of-force.
            options.UseCaseSensitivePaths = true;
            // Pages and downloads read no parameter but ?page=, so any other shares the entry of the address without it:
            // made-up parameters can neither make the server build a page again nor fill the cache.
            options.AddPolicy(Latest, policy => policy.Expire(settings.LatestCacheLifetime).SetVaryByQuery(Pagination.Parameter).VaryByValue(latestRelease));
            options.AddPolicy(Versioned, policy => policy.Expire(TimeSpan.FromHours(1)).SetVaryByQuery(Pagination.Parameter));
            // The observations API reads every parameter it knows and refuses any other with a 400 (never cached) before
            // reading anything, so it varies by them all.
            options.AddPolicy(Observations, policy => policy.Expire(settings.LatestCacheLifetime).SetVaryByQuery("*").VaryByValue(latestRelease));
        });
    }

    /// <summary>
    /// Sets the response's cache lifetime and validator for a view of a release (the ETag joins the release's
    /// content hash, its slug, the view and the build: a new release with the same figures is still a new "latest",
    /// whose citations and links name it) and answers 304 when the client already has it.
    /// Returns true when the response is complete (not modified).
    /// </summary>
    public static bool NotModified(HttpContext context, Release? release, string view, bool versioned)
    {
        var headers = context.Response.GetTypedHeaders();
        headers.CacheControl = versioned
            ? CacheControlHeaderValue.Parse(Immutable)
            : new CacheControlHeaderValue { Public = true, MaxAge = context.RequestServices.GetRequiredService<PortalSettings>().LatestCacheLifetime };
        if (release?.ContentHash is not { } hash)
        {
            return false;
        }
        var etag = new EntityTagHeaderValue($"\"{hash[..20]}-{release.Slug}-{view}-{PortalSettings.BuildStamp}\"");
        headers.ETag = etag;
        var requested = context.Request.GetTypedHeaders().IfNoneMatch;
        if (requested.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        return false;
    }

    /// <summary>A short view name that is the same on every node for the same text (string hash codes are not).</summary>
    public static string ViewKey(string view, string? variant) =>
        $"{view}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(variant ?? "")))[..12]}";
}
