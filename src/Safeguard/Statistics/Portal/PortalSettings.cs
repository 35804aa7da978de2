using Safeguard.Platform;

namespace Safeguard.Statistics.Portal;

/// <summary>The portal's settings, read once from configuration (see docs/configuration.md).</summary>
internal sealed class PortalSettings
{
    public PortalSettings(IConfiguration configuration)
    {
        Publisher = configuration[SafeguardSettings.Publisher] is { Length: > 0 } publisher ? publisher : "Medical Justice";
        LatestCacheLifetime = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(SafeguardSettings.LatestCacheSeconds, 60)));
        FiguresPerPage = Math.Clamp(configuration.GetValue(SafeguardSettings.FiguresPerPage, 200), 10, 5000);
    }

    /// <summary>Rows per page of a figures table: enough to read a series, few enough to render quickly.</summary>
    public int FiguresPerPage { get; }

    /// <summary>The organisation credited as the source.</summary>
    public string Publisher { get; }

    /// <summary>How long views of "the latest release" may be cached.</summary>
    public TimeSpan LatestCacheLifetime { get; }

    /// <summary>
    /// Identifies the running build. Part of every ETag, so that a deployment that changes how a page is written
    /// is not answered with "not modified" for the old page.
    /// </summary>
    public static string BuildStamp { get; } = typeof(PortalSettings).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
}
