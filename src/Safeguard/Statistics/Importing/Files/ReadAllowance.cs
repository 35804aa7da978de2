using System.Globalization;

namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// A per-file budget (bytes inflated, cells read) shared by the parts of a file. Each part is charged the most it
/// has ever used, so reading a sheet twice (a preview, then the import) does not count twice, and reading every
/// part once cannot pass the limit.
/// </summary>
internal sealed class ReadAllowance(long limit, Func<Exception> whenExceeded)
{
    private readonly Dictionary<string, long> _usedByPart = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _total;

    public long Limit { get; } = limit;

    /// <summary>Records that <paramref name="part"/> has now used <paramref name="used"/> in the current pass.</summary>
    public void Charge(string part, long used)
    {
        lock (_lock)
        {
            var before = _usedByPart.GetValueOrDefault(part);
            if (used <= before)
            {
                return;
            }
            _usedByPart[part] = used;
            _total += used - before;
            if (_total > Limit)
            {
                throw whenExceeded();
            }
        }
    }
}

/// <summary>The messages for limits passed, worded the same for every format.</summary>
internal static class LimitMessages
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{Count(bytes / (1024 * 1024))} MB"
        : bytes >= 1024 * 1024 ? $"{(bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)} MB"
        : bytes >= 1024 ? $"{Count(bytes / 1024)} KB"
        : $"{Count(bytes)} bytes";

    public static ImportFileException TooManyRows(string fileName, string sheetName, int maxRows) =>
        new($"{fileName}: sheet '{sheetName}' has more than {Count(maxRows)} rows with content; " +
            "the limit is the setting Safeguard:Imports:MaxRows");

    public static ImportFileException TooManyCells(string fileName, long maxCells) =>
        new($"{fileName} has more than {Count(maxCells)} non-empty cells; " +
            "the limit is the setting Safeguard:Imports:MaxCells");

    public static ImportFileException ZipBomb(string fileName, long maxBytes) =>
        new($"{fileName} expands to more than {Bytes(maxBytes)} when unzipped; this looks like a zip bomb and was " +
            "refused. The limit is the setting Safeguard:Imports:MaxDecompressedBytes");

    public static ImportFileException TooManyColumns(string fileName, string sheetName, int rowNumber) =>
        new($"{fileName}, sheet '{sheetName}', row {rowNumber} goes past column {ColumnLetters.Of(SheetLimits.MaxColumns)}, " +
            $"the last column a spreadsheet can have; the file is damaged or was not made by a spreadsheet");
}

/// <summary>Limits that belong to spreadsheets themselves rather than to settings.</summary>
internal static class SheetLimits
{
    /// <summary>Column XFD: the widest sheet Excel and LibreOffice make.</summary>
    public const int MaxColumns = 16_384;
}
