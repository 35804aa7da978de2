using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Statistics.Contracts;

/// <summary>
/// Where a source document lives on the portal. Documents are addressed by the SHA-256 of their file, so the
/// address names exactly one sequence of bytes and a reader can check a copy against it.
/// </summary>
public static class SourceAddresses
{
    /// <summary>The document's page, e.g. <c>/statistics/sources/3f2a…</c>.</summary>
    public static string Page(string sha256) => $"/statistics/sources/{sha256}";

    /// <summary>The download of the original file.</summary>
    public static string File(string sha256) => $"{Page(sha256)}/file";

    /// <summary>
    /// Whether the text is a SHA-256 as the portal writes one: 64 lower-case hex digits. Anything else is not an
    /// address of a document (route constraints ignore case, so the check is made here). Null too: a page's route
    /// value of blanks alone (<c>/statistics/sources/%20</c>) reaches its handler as null.
    /// </summary>
    public static bool IsSha256([NotNullWhen(true)] string? text) => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>
    /// The content type the original file is served with, from its extension; anything unrecognised is served as
    /// bytes. The encoding of a text file is not known, so no charset is claimed.
    /// </summary>
    public static string ContentTypeFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".txt" => "text/plain",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".ods" => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    };

    /// <summary>A file size for people: "812 bytes", "14.2 KB", "3.1 MB" (1 KB = 1,024 bytes).</summary>
    public static string Size(long bytes)
    {
        var english = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        return bytes switch
        {
            1 => "1 byte",
            < 1024 => string.Create(english, $"{bytes:#,##0} bytes"),
            < 1024 * 1024 => string.Create(english, $"{bytes / 1024d:#,##0.0} KB"),
            _ => string.Create(english, $"{bytes / (1024d * 1024):#,##0.0} MB"),
        };
    }
}
