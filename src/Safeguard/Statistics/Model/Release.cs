namespace Safeguard.Statistics.Model;

/// <summary>Whether a release is still being prepared.</summary>
internal enum ReleaseStatus
{
    /// <summary>Being prepared: not visible to the public, may change.</summary>
    Draft,
    /// <summary>Public, immutable and content-hashed.</summary>
    Published,
}

/// <summary>A named set of observations published together ("2024"). Once published it never changes; a correction is a new release.</summary>
internal sealed class Release
{
    public int Id { get; set; }

    /// <summary>URL form and citation label, e.g. "2024" or "2024-h2".</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public ReleaseStatus Status { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>SHA-256 over the release's observations in canonical order; set at publication.</summary>
    public string? ContentHash { get; set; }

    /// <summary>The release this one corrects, if any.</summary>
    public int? SupersedesId { get; set; }

    /// <summary>What changed against the release it supersedes.</summary>
    public string? Changelog { get; set; }

    public List<Observation> Observations { get; } = [];
}

/// <summary>Codes for <see cref="ReleaseStatus"/> as downloads and the API write them.</summary>
internal static class ReleaseStatuses
{
    /// <summary>"draft" or "published".</summary>
    public static string Code(this ReleaseStatus status) => status switch
    {
        ReleaseStatus.Draft => "draft",
        ReleaseStatus.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown release status."),
    };
}
