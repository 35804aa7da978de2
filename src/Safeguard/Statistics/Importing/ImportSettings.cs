using Safeguard.Platform;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Statistics.Importing;

/// <summary>Reads the import limits from configuration; a setting left out keeps its default.</summary>
internal static class ImportSettings
{
    public static ImportLimits Limits(IConfiguration configuration)
    {
        var defaults = new ImportLimits();
        return new ImportLimits
        {
            MaxFileBytes = Positive(configuration, SafeguardSettings.ImportMaxFileBytes, defaults.MaxFileBytes),
            MaxDecompressedBytes = Positive(configuration, SafeguardSettings.ImportMaxDecompressedBytes, defaults.MaxDecompressedBytes),
            MaxRows = (int)Math.Min(int.MaxValue, Positive(configuration, SafeguardSettings.ImportMaxRows, defaults.MaxRows)),
            MaxCells = Positive(configuration, SafeguardSettings.ImportMaxCells, defaults.MaxCells),
        };
    }

    private static long Positive(IConfiguration configuration, string key, long fallback)
    {
        var value = configuration.GetValue(key, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"The setting {key} must be a positive number; it is {value}.");
    }
}
