using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// HTTP caching of public statistics. A published release never changes, so anything addressed by release
/// (a versioned URL) may be cached for a year; views of "the latest release" are cached briefly, because a new
/// release can be published at any time. The server keeps rendered responses in its output cache, evicted by
/// the "statistics" tag when a release is published.
/// </summary>
internal static class PortalCaching
{
    /// <summary>Output-cache policy for views of the latest release.</summary>
    public const string Latest = "statistics-latest";

    /// <summary>Output-cache policy for views addressed by release.</summary>
    public const string Versioned = "statistics-versioned";

    /// <summary>Output-cache policy for the observations API, a view of the latest release unless it names one.</summary>
    public const string Observations = "statistics-observations";

    /// <summary>Output-cache tag evicted on publication.</summary>
    public const string Tag = "statistics";

    private const string Immutable = "public, max-age=31536000, immutable";

    public static void AddPortalCaching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<PortalSettings>((options, settings) =>
        {
            // Slugs are lower case and looked up exactly: /statistics/Use-Of-Force must not be served from the cache of /statistics/use-of-force.
            options.UseCaseSensitivePaths = true;
            // Pages and downloads read no parameter but ?page=, so any other shares the entry of the address without it:
            // made-up parameters can neither make the server build a page again nor fill the cache.
            options.AddPolicy(Latest, policy => policy.Expire(settings.LatestCacheLifetime).SetVaryByQuery(Pagination.Parameter).Tag(Tag));
            options.AddPolicy(Versioned, policy => policy.Expire(TimeSpan.FromHours(1)).SetVaryByQuery(Pagination.Parameter).Tag(Tag));
            // The observations API reads every parameter it knows and refuses any other with a 400 (never cached) before
            // reading anything, so it varies by them all.
            options.AddPolicy(Observations, policy => policy.Expire(settings.LatestCacheLifetime).SetVaryByQuery("*").Tag(Tag));
        });
    }

    /// <summary>
    /// Sets the response's cache lifetime and validator for a view of a release (the ETag joins the release's
    /// content hash, the view and the build) and answers 304 when the client already has it.
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
        var etag = new EntityTagHeaderValue($"\"{hash[..20]}-{view}-{PortalSettings.BuildStamp}\"");
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

    /// <summary>Empties the output cache after a publication.</summary>
    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) => store.EvictByTagAsync(Tag, cancellationToken);
}
