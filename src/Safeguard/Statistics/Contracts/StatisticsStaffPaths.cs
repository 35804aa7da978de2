namespace Safeguard.Statistics.Contracts;

/// <summary>The addresses of the staff pages that import and publish statistics (policy <c>statistics</c>).</summary>
public static class StatisticsStaffPaths
{
    public const string NewImport = "/staff/statistics/imports/new";
    public const string Releases = "/staff/statistics/releases";
    public const string Draft = "/staff/statistics/releases/draft";

    /// <summary>An upload's page: choose the template and release, then the preview.</summary>
    public static string Import(string upload) => $"/staff/statistics/imports/{upload}";

    /// <summary>The progress, then the result, of an upload's import.</summary>
    public static string Progress(string upload) => $"/staff/statistics/imports/{upload}/progress";

    /// <summary>A draft release's changes and its publish form.</summary>
    public static string DraftOf(string release) => $"{Draft}?release={Uri.EscapeDataString(release)}";
}
