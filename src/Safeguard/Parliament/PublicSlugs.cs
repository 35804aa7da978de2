using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Parliament;

/// <summary>
/// The last part of a public page's address (a meeting's, a bill's), made once from its words and kept after, so a
/// changed title keeps the address: "2025-03-20-panel-discussion-on-...", with "-2" and on when it is taken.
/// </summary>
internal static class PublicSlugs
{
    private const int MaxLength = 90;

    /// <summary>A slug from <paramref name="words"/> that none of <paramref name="taken"/> has yet.</summary>
    public static async Task<string> FreeAsync(string words, IQueryable<string> taken, CancellationToken cancellationToken)
    {
        var stem = Stem(words);
        var used = await taken.Where(s => s.StartsWith(stem)).ToListAsync(cancellationToken);
        var slug = stem;
        for (var n = 2; used.Contains(slug, StringComparer.Ordinal); n++)
        {
            slug = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }
        return slug;
    }

    /// <summary>Letters and digits in lower case, words joined by single hyphens; accents dropped.</summary>
    private static string Stem(string words)
    {
        var kept = new StringBuilder();
        foreach (var c in words.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                kept.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/')
            {
                kept.Append('-');
            }
        }
        var stem = string.Join('-', kept.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return stem.Length > MaxLength ? stem[..MaxLength].TrimEnd('-') : stem;
    }
}
