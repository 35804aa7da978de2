namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// What an import will read before refusing a file. Set by configuration (see docs/configuration.md); the
/// defaults are generous for real FOI answers and Home Office tables, and small enough that a hostile file
/// cannot exhaust the server.
/// </summary>
internal sealed record ImportLimits
{
    /// <summary>The largest file accepted, in bytes (default 50 MB).</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The most bytes that may be inflated from a zip-based workbook, in total (default 256 MB).</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most rows with any content, per sheet (default 1,000,000).</summary>
    public int MaxRows { get; init; } = 1_000_000;

    /// <summary>The most non-empty cells, per file (default 20,000,000).</summary>
    public long MaxCells { get; init; } = 20_000_000;

    /// <summary>Refuses a file over <see cref="MaxFileBytes"/>, saying how large it is and what the limit is.</summary>
    /// <exception cref="ImportFileException">The file is too large.</exception>
    public void CheckFileSize(string fileName, long length)
    {
        if (length > MaxFileBytes)
        {
            throw new ImportFileException(
                $"{fileName} is {LimitMessages.Bytes(length)}; the largest file that can be imported is " +
                $"{LimitMessages.Bytes(MaxFileBytes)}. The limit is the setting Safeguard:Imports:MaxFileBytes");
        }
    }
}
