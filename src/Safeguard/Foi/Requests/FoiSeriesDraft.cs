using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Requests;

/// <summary>
/// The next request of a series, drafted from the last one: the same authority, channel and words, with every date
/// and period written in the subject and text, and the period itself, moved on by the series' interval. The draft is
/// a form to check, never saved unseen: words the rules below do not recognise stay as they were.
/// </summary>
internal static partial class FoiSeriesDraft
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>A new request like <paramref name="last"/>, its period moved on by <paramref name="months"/>; no dates of sending or answer.</summary>
    public static FoiRequest Next(FoiRequest last, int months, string? reference) => new()
    {
        Reference = reference ?? "",
        Authority = last.Authority,
        Subject = MovePeriodWords(last.Subject, months),
        Text = MovePeriodWords(last.Text, months),
        Channel = last.Channel,
        SeriesId = last.SeriesId,
        PeriodStart = last.PeriodStart is { } start ? Move(start, months) : null,
        PeriodEnd = last.PeriodEnd is { } end ? Move(end, months) : null,
    };

    /// <summary>
    /// Moves on every date and period written in <paramref name="text"/>: "1 January 2026", "30/06/2026", "2026-06-30",
    /// "June 2026", "January to June 2026", "Jan–Jun 2026", "H1 2026", "2026-H1", "first half of 2026" (when the move is
    /// a whole number of half-years), "Q1 2026", "2026-Q1" (of quarters). A last day of a month stays the last day.
    /// A year alone ("Detention Centre Rules 2001") is never moved.
    /// </summary>
    public static string MovePeriodWords(string text, int months) => PeriodWords().Replace(text, match =>
    {
        var g = match.Groups;
        // A year no form would accept ("December 9999") is left as written rather than moved off the calendar.
        if (YearGroups.Any(name => g[name].Success && Year(g[name].Value) is < FormDates.EarliestYear or > FormDates.LatestYear))
        {
            return match.Value;
        }
        if (g["spanFromDay"].Success)
        {
            var year = Year(g["spanYear"].Value);
            var (fromMonth, toMonth) = (Month(g["spanFromMonth"].Value), Month(g["spanToMonth"].Value));
            var from = Move(new DateOnly(fromMonth > toMonth ? year - 1 : year, fromMonth, 1), 0, int.Parse(g["spanFromDay"].Value, CultureInfo.InvariantCulture), months);
            var to = Move(new DateOnly(year, toMonth, 1), 0, int.Parse(g["spanToDay"].Value, CultureInfo.InvariantCulture), months);
            return from is { } start && to is { } end
                ? $"{Text(start.Day)}{g["spanFromSuffix"].Value} {Name(start.Month, g["spanFromMonth"].Value)}{g["spanSeparator"].Value}{Text(end.Day)}{g["spanToSuffix"].Value} {Name(end.Month, g["spanToMonth"].Value)} {Text(end.Year)}"
                : match.Value;
        }
        if (g["rangeFrom"].Success)
        {
            var year = Year(g["rangeYear"].Value);
            var from = Month(g["rangeFrom"].Value);
            var to = Month(g["rangeTo"].Value);
            var end = new DateOnly(year, to, 1).AddMonths(months);
            var start = new DateOnly(from > to ? year - 1 : year, from, 1).AddMonths(months);
            return $"{Name(start.Month, g["rangeFrom"].Value)}{g["rangeSeparator"].Value}{Name(end.Month, g["rangeTo"].Value)} {Text(end.Year)}";
        }
        if (g["dayName"].Success)
        {
            var date = Move(new DateOnly(Year(g["dayNameYear"].Value), Month(g["dayNameMonth"].Value), 1), 0, int.Parse(g["dayName"].Value, CultureInfo.InvariantCulture), months);
            return date is { } moved ? $"{Text(moved.Day)}{g["daySuffix"].Value} {Name(moved.Month, g["dayNameMonth"].Value)} {Text(moved.Year)}" : match.Value;
        }
        if (g["slashDay"].Success)
        {
            var date = Move(new DateOnly(Year(g["slashYear"].Value), 1, 1), int.Parse(g["slashMonth"].Value, CultureInfo.InvariantCulture) - 1, int.Parse(g["slashDay"].Value, CultureInfo.InvariantCulture), months);
            return date is { } moved ? $"{Pad(moved.Day, g["slashDay"].Value)}/{Pad(moved.Month, g["slashMonth"].Value)}/{Text(moved.Year)}" : match.Value;
        }
        if (g["isoDay"].Success)
        {
            var date = Move(new DateOnly(Year(g["isoYear"].Value), 1, 1), int.Parse(g["isoMonth"].Value, CultureInfo.InvariantCulture) - 1, int.Parse(g["isoDay"].Value, CultureInfo.InvariantCulture), months);
            return date is { } moved ? moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : match.Value;
        }
        if (g["monthName"].Success)
        {
            var moved = new DateOnly(Year(g["monthYear"].Value), Month(g["monthName"].Value), 1).AddMonths(months);
            return $"{Name(moved.Month, g["monthName"].Value)} {Text(moved.Year)}";
        }
        if (g["half"].Success || g["halfAfter"].Success || g["halfWord"].Success)
        {
            if (months % 6 != 0)
            {
                return match.Value;
            }
            var half = g["half"].Success ? g["half"].Value : g["halfAfter"].Success ? g["halfAfter"].Value : g["halfWord"].Value == "first" ? "1" : "2";
            var year = Year(g["halfYear"].Success ? g["halfYear"].Value : g["halfAfterYear"].Success ? g["halfAfterYear"].Value : g["halfWordYear"].Value);
            var index = year * 2 + int.Parse(half, CultureInfo.InvariantCulture) - 1 + months / 6;
            var (newYear, newHalf) = (index / 2, index % 2 + 1);
            return g["half"].Success ? $"{g["halfLetter"].Value}{Text(newHalf)} {Text(newYear)}"
                : g["halfAfter"].Success ? $"{Text(newYear)}{g["halfAfterSeparator"].Value}{g["halfAfterLetter"].Value}{Text(newHalf)}"
                : $"{(newHalf == 1 ? "first" : "second")} half of {Text(newYear)}";
        }
        if (months % 3 != 0)
        {
            return match.Value;
        }
        var quarterYear = Year(g["quarterYear"].Success ? g["quarterYear"].Value : g["quarterAfterYear"].Value);
        var quarter = int.Parse(g["quarter"].Success ? g["quarter"].Value : g["quarterAfter"].Value, CultureInfo.InvariantCulture);
        var quarters = quarterYear * 4 + quarter - 1 + months / 3;
        return g["quarter"].Success
            ? $"{g["quarterLetter"].Value}{Text(quarters % 4 + 1)} {Text(quarters / 4)}"
            : $"{Text(quarters / 4)}{g["quarterAfterSeparator"].Value}{g["quarterAfterLetter"].Value}{Text(quarters % 4 + 1)}";
    });

    /// <summary>A date moved on by whole months; the last day of a month stays the last day of the month.</summary>
    public static DateOnly Move(DateOnly date, int months) =>
        date.Day == DateTime.DaysInMonth(date.Year, date.Month) ? LastDay(date.AddMonths(months)) : date.AddMonths(months);

    /// <summary>The next free reference after <paramref name="last"/>: "MJ-FOI-2026-014" → "MJ-FOI-2026-015" (or past any later one in use).</summary>
    public static string? NextReference(string last, IEnumerable<string> inUse)
    {
        var match = TrailingNumber().Match(last);
        if (!match.Success)
        {
            return null;
        }
        var prefix = match.Groups["prefix"].Value;
        var width = match.Groups["number"].Value.Length;
        // The last one's number too long to count on (more than 18 digits) suggests nothing; another reference's is
        // passed over (it cannot be the one suggested), rather than ending suggestions for the series for good.
        if (Number(match) is not { } lastNumber)
        {
            return null;
        }
        var highest = inUse.Select(r => TrailingNumber().Match(r))
            .Where(m => m.Success && m.Groups["prefix"].Value == prefix)
            .Select(Number).OfType<long>().Append(lastNumber).Max();
        return highest == long.MaxValue ? null : prefix + (highest + 1).ToString(new string('0', width), CultureInfo.InvariantCulture);
    }

    /// <summary>The trailing number of a reference, or null when it is too long to count on.</summary>
    private static long? Number(Match reference) =>
        long.TryParse(reference.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static DateOnly? Move(DateOnly firstOfYearOrMonth, int monthOffset, int day, int months)
    {
        var month = firstOfYearOrMonth.AddMonths(monthOffset);
        if (monthOffset < 0 || month.Year != firstOfYearOrMonth.Year || day < 1 || day > DateTime.DaysInMonth(month.Year, month.Month))
        {
            return null;
        }
        return Move(new DateOnly(month.Year, month.Month, day), months);
    }

    private static DateOnly LastDay(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    private static int Month(string name) =>
        Array.FindIndex(MonthNames, m => m.StartsWith(name[..3], StringComparison.Ordinal)) + 1;

    /// <summary>The month's name written as <paramref name="like"/> was: in full, or in three letters.</summary>
    private static string Name(int month, string like) => like.Length <= 4 && like != "June" && like != "July" ? MonthNames[month - 1][..3] : MonthNames[month - 1];

    private static int Year(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static readonly string[] YearGroups = [.. PeriodWords().GetGroupNames().Where(n => n.EndsWith("Year", StringComparison.Ordinal))];

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Pad(int number, string like) => number.ToString(like.Length == 2 ? "00" : "0", CultureInfo.InvariantCulture);

    private const string MonthPattern = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(
        @"\b(?:"
        + @"(?<spanFromDay>\d{1,2})(?<spanFromSuffix>st|nd|rd|th)?\s+(?<spanFromMonth>" + MonthPattern + @")(?<spanSeparator>\s*(?:to|until|and|–|—|-)\s*)"
        + @"(?<spanToDay>\d{1,2})(?<spanToSuffix>st|nd|rd|th)?\s+(?<spanToMonth>" + MonthPattern + @")\s+(?<spanYear>\d{4})"
        + @"|(?<rangeFrom>" + MonthPattern + @")(?<rangeSeparator>\s*(?:to|until|and|–|—|-)\s*)(?<rangeTo>" + MonthPattern + @")\s+(?<rangeYear>\d{4})"
        + @"|(?<dayName>\d{1,2})(?<daySuffix>st|nd|rd|th)?\s+(?<dayNameMonth>" + MonthPattern + @")\s+(?<dayNameYear>\d{4})"
        + @"|(?<slashDay>\d{1,2})/(?<slashMonth>\d{1,2})/(?<slashYear>\d{4})"
        + @"|(?<isoYear>\d{4})-(?<isoMonth>\d{2})-(?<isoDay>\d{2})"
        + @"|(?<monthName>" + MonthPattern + @")\s+(?<monthYear>\d{4})"
        + @"|(?<halfLetter>H)(?<half>[12])\s+(?<halfYear>\d{4})"
        + @"|(?<halfAfterYear>\d{4})(?<halfAfterSeparator>[-\s]?)(?<halfAfterLetter>H)(?<halfAfter>[12])"
        + @"|(?<halfWord>first|second)\s+half\s+of\s+(?<halfWordYear>\d{4})"
        + @"|(?<quarterLetter>Q)(?<quarter>[1-4])\s+(?<quarterYear>\d{4})"
        + @"|(?<quarterAfterYear>\d{4})(?<quarterAfterSeparator>[-\s]?)(?<quarterAfterLetter>Q)(?<quarterAfter>[1-4])"
        + @")\b")]
    private static partial Regex PeriodWords();

    [GeneratedRegex(@"^(?<prefix>.*?)(?<number>[0-9]+)$")]
    private static partial Regex TrailingNumber();
}
