using System.Globalization;
using System.Text;

namespace Safeguard.Site.News;

/// <summary>A post's address made from its title: lower-case ASCII letters and digits in words joined by hyphens.</summary>
internal static class PostSlug
{
    public const int MaxLength = 100;

    public static string FromTitle(string title)
    {
        var slug = new StringBuilder(title.Length);
        var gap = false;
        foreach (var c in title.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (gap && slug.Length > 0)
                {
                    slug.Append('-');
                }
                slug.Append(char.ToLowerInvariant(c));
                gap = false;
            }
            else
            {
                gap = true;
            }
        }
        var text = slug.Length > MaxLength ? slug.ToString(0, MaxLength).TrimEnd('-') : slug.ToString();
        return text.Length == 0 ? "post" : text;
    }
}
