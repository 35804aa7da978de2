using System.Globalization;

namespace Safeguard.Platform.Web;

/// <summary>
/// One page of a long table: which page, how many there are, and the addresses of the others
/// (<c>?page=N</c>; page 1 is the bare address). Pages past the last, and page numbers that are not whole numbers
/// from 1, are not pages: the caller answers 404 rather than showing something else at that address.
/// </summary>
public sealed record Pagination(int Page, int PageSize, int TotalItems, string Path, string Label, string? Anchor = null)
{
    /// <summary>The query parameter that names the page.</summary>
    public const string Parameter = "page";

    /// <summary>How many pages there are; an empty table still has one.</summary>
    public int PageCount => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);

    /// <summary>Whether the page exists.</summary>
    public bool Exists => Page >= 1 && Page <= PageCount;

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The position of the page's first item, from 1 (0 when there are none).</summary>
    public int FirstItem => TotalItems == 0 ? 0 : Skip + 1;

    /// <summary>The position of the page's last item.</summary>
    public int LastItem => Math.Min(TotalItems, Skip + PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>"figures 201 to 400 of 3,512", or "" when everything fits on one page.</summary>
    public string Range(string items) => PageCount == 1
        ? ""
        : string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{items} {FirstItem:#,##0} to {LastItem:#,##0} of {TotalItems:#,##0}");

    /// <summary>The address of a page.</summary>
    public string Href(int page) => (page == 1 ? Path : string.Create(CultureInfo.InvariantCulture, $"{Path}{(Path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Parameter}={page}")) + (Anchor is null ? "" : $"#{Anchor}");

    /// <summary>
    /// The page numbers to link, null standing for a gap: the first and last page, and this page with its
    /// neighbours, e.g. 1 … 4 5 6 … 18.
    /// </summary>
    public IReadOnlyList<int?> Numbers
    {
        get
        {
            var shown = new SortedSet<int> { 1, PageCount };
            for (var n = Math.Max(1, Page - 1); n <= Math.Min(PageCount, Page + 1); n++)
            {
                shown.Add(n);
            }
            var numbers = new List<int?>();
            var previous = 0;
            foreach (var n in shown)
            {
                if (n - previous == 2)
                {
                    numbers.Add(n - 1);
                }
                else if (n - previous > 2)
                {
                    numbers.Add(null);
                }
                numbers.Add(n);
                previous = n;
            }
            return numbers;
        }
    }

    /// <summary>
    /// Reads <c>?page=</c>: absent is page 1; one whole number from 1 is that page. Anything else ("abc", "0",
    /// "-1", "1.5", the parameter twice) returns false: there is no such page.
    /// </summary>
    public static bool TryReadPage(IQueryCollection query, out int page)
    {
        page = 1;
        if (!query.TryGetValue(Parameter, out var values))
        {
            return true;
        }
        return values.Count == 1
            && values[0] is { Length: > 0 and <= 9 } text
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page)
            && page >= 1;
    }
}
