namespace Safeguard.Platform;

/// <summary>Configuration keys of the platform, each documented in docs/configuration.md.</summary>
public static class SafeguardSettings
{
    /// <summary>Load the demonstration data on start (default true).</summary>
    public const string DemonstrationData = "Safeguard:DemonstrationData";

    /// <summary>Migrate the database on start (default true).</summary>
    public const string MigrateOnStart = "Safeguard:MigrateOnStart";

    /// <summary>The organisation credited as the source of the statistics.</summary>
    public const string Publisher = "Safeguard:Publisher";

    /// <summary>Public address of the site, used in citations; default: the address of the request.</summary>
    public const string PublicBaseUrl = "Safeguard:PublicBaseUrl";

    /// <summary>Seconds that pages showing the latest release may be cached (default 60).</summary>
    public const string LatestCacheSeconds = "Safeguard:LatestCacheSeconds";

    /// <summary>Rows per page of the figures tables on release, theme and place pages (default 200).</summary>
    public const string FiguresPerPage = "Safeguard:FiguresPerPage";
}
