using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Safeguard.Platform;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// <c>/statistics/sources/{sha256}/file</c>: the original file a published figure was taken from, byte for byte.
/// Same rule as the document's page: only documents a published release cites; anything else is a 404.
/// </summary>
internal static class SourceFileEndpoint
{
    /// <summary>A content-addressed file never changes.</summary>
    private const string Immutable = "public, max-age=31536000, immutable";

    public static void MapSourceFiles(this IEndpointRouteBuilder app) =>
        app.MapRead("/statistics/sources/{sha256}/file", GetAsync)
            .WithTags("Page data").WithName("SourceFile").RequireCors(PlatformPolicies.ReadOnlyCors)
            .WithSummary("The original file of a source document that published figures cite, addressed by its SHA-256");

    private static async Task<Results<FileContentHttpResult, NotFound>> GetAsync(
        string sha256, HttpContext context, StatisticsReader reader, CancellationToken cancellationToken)
    {
        if (!SourceAddresses.IsSha256(sha256)
            || await reader.PublishedSourceAsync(sha256, cancellationToken) is not { } document
            || await reader.SourceFileContentAsync(document.Id, cancellationToken) is not { } content)
        {
            return TypedResults.NotFound();
        }
        // Not kept in the server's output cache: files can run to megabytes, and reading one row costs little.
        // Browsers and proxies may keep it for ever: the address names the bytes.
        context.Response.Headers.CacheControl = Immutable;
        // The framework writes Content-Disposition with both filename and filename* (RFC 6266), so quotes and
        // non-ASCII names are safe, and answers If-None-Match with 304 and Range with 206.
        return TypedResults.File(
            content, SourceAddresses.ContentTypeFor(document.FileName), document.FileName,
            enableRangeProcessing: true, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
