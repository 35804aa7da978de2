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

    /// <summary>The largest file an import accepts, in bytes (default 52428800, 50 MB).</summary>
    public const string ImportMaxFileBytes = "Safeguard:Imports:MaxFileBytes";

    /// <summary>The most bytes a zip-based workbook may expand to (default 268435456, 256 MB); more is refused as a zip bomb.</summary>
    public const string ImportMaxDecompressedBytes = "Safeguard:Imports:MaxDecompressedBytes";

    /// <summary>The most rows with content per sheet (default 1000000).</summary>
    public const string ImportMaxRows = "Safeguard:Imports:MaxRows";

    /// <summary>The most non-empty cells per file (default 20000000).</summary>
    public const string ImportMaxCells = "Safeguard:Imports:MaxCells";

    /// <summary>Folder of the Home Office detention tables the demonstration data imports (default ../shared/data/home-office, if present).</summary>
    public const string DemonstrationHomeOfficeFolder = "Safeguard:HomeOfficeDemonstrationFolder";

    /// <summary>Rows per page of the figures tables on release, theme and place pages (default 200).</summary>
    public const string FiguresPerPage = "Safeguard:FiguresPerPage";
}
