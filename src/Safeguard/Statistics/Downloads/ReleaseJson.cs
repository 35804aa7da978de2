using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Downloads;

/// <summary>What a download says about the release it comes from.</summary>
/// <param name="Slug">URL form and citation label, e.g. "2024".</param>
/// <param name="Title">The release title.</param>
/// <param name="Summary">One or two sentences on what the release holds.</param>
/// <param name="Status">The status code: "draft" or "published".</param>
/// <param name="PublishedAtUtc">When the release was published, in UTC; null for a draft.</param>
/// <param name="ContentHash">The release's content hash, set at publication.</param>
/// <param name="Url">The absolute address of the release.</param>
internal sealed record ReleaseSummary(
    string Slug, string Title, string Summary, string Status, DateTime? PublishedAtUtc, string? ContentHash, string Url)
{
    /// <summary>Always UTC: stored times come back from SQLite with no kind, and the JSON should say "Z".</summary>
    public DateTime? PublishedAtUtc { get; init; } = PublishedAtUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;

    /// <summary>The summary of a stored release, published at <paramref name="url"/>.</summary>
    public static ReleaseSummary From(Release release, string url)
    {
        ArgumentNullException.ThrowIfNull(release);
        return new(release.Slug, release.Title, release.Summary, release.Status.Code(), release.PublishedAtUtc, release.ContentHash, url);
    }
}

/// <summary>
/// The JSON download of a release: <c>{ "release": {...}, "credit": "...", "observations": [...] }</c>, with one
/// object per observation whose properties are the tidy columns in camelCase, the value a number or null.
/// </summary>
internal static class ReleaseJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Place names and source titles stay readable ("Yarl's Wood", en dashes) instead of \u escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes the document to <paramref name="output"/>, streaming the observations; leaves the stream open.</summary>
    public static Task WriteAsync(
        ReleaseSummary release, string credit, IEnumerable<ObservationRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var section = new ReleaseSection(
            release.Slug, release.Title, release.Summary, release.Status,
            release.PublishedAtUtc,
            release.ContentHash, release.Url);
        return JsonSerializer.SerializeAsync(output, new Document(section, credit, rows.Select(TidyObservation.From)), Options, cancellationToken);
    }

    private sealed record Document(ReleaseSection Release, string Credit, IEnumerable<TidyObservation> Observations);

    private sealed record ReleaseSection(
        string Slug, string Title, string Summary, string Status, DateTime? PublishedAt, string? ContentHash, string Url);
}
