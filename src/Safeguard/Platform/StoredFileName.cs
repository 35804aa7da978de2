using System.Globalization;
using System.Text;

namespace Safeguard.Platform;

/// <summary>
/// The name an uploaded file is kept under (casework documents, FOI answer documents, import source files), and later
/// shown on pages and served back in <c>Content-Disposition</c>. A name is the uploader's to choose, so it is the
/// last segment of the path alone, without control characters and without Unicode's invisible formatting characters:
/// a right-to-left override (U+202E) makes <c>report‮fdp.exe</c> read as <c>reportexe.pdf</c> in a download bar,
/// and zero-width or line-separating characters hide what a name really says.
/// </summary>
public static class StoredFileName
{
    /// <summary>The name to store: <paramref name="uploaded"/>'s last path segment, cleaned and trimmed; empty when nothing is left.</summary>
    public static string From(string uploaded)
    {
        var name = Path.GetFileName(uploaded);
        if (!name.EnumerateRunes().Any(Hidden))
        {
            return name.Trim();
        }
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes().Where(r => !Hidden(r)))
        {
            kept.Append(rune.ToString());
        }
        return kept.ToString().Trim();
    }

    /// <summary>
    /// Control characters (C0, C1), formatting characters (the bidirectional embeddings, overrides, isolates and marks,
    /// zero-width spaces and joiners, the byte order mark, tag characters) and the line and paragraph separators.
    /// </summary>
    private static bool Hidden(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
