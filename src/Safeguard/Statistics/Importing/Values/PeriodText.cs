using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing.Values;

/// <summary>How a template says its periods are written.</summary>
internal enum PeriodFormat
{
    /// <summary>Any of the forms below that is unambiguous: "2024", "2024-Q3", "Q3 2024", "2024 Q3", "H1 2024", "March 2024", "Jan-Mar 2024", "January to June 2024".</summary>
    Auto,
    /// <summary>A date that ends a quarter ("2024-03-31"), read as that quarter: how Home Office tables date quarterly figures.</summary>
    QuarterEndDate,
    /// <summary>A date read as a point in time, for counts on a day ("2024-03-31").</summary>
    Date,
}

/// <summary>Reads period labels as FOI answers and official tables write them.</summary>
internal static partial class PeriodText
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>The period, or an error saying what was expected.</summary>
    public static (Period? Period, string? Error) Parse(string text, PeriodFormat format)
    {
        var trimmed = text.Trim();
        return format switch
        {
            PeriodFormat.QuarterEndDate => Date(trimmed) is { } day
                ? QuarterEnding(day) is { } quarter ? (quarter, null) : (null, $"'{trimmed}' is not the last day of a quarter")
                : (null, $"'{trimmed}' is not a date (expected 2024-03-31 or 31/03/2024)"),
            PeriodFormat.Date => Date(trimmed) is { } point ? (Period.PointInTime(point), null) : (null, $"'{trimmed}' is not a date (expected 2024-03-31 or 31/03/2024)"),
            _ => Auto(trimmed) is { } period ? (period, null)
                : (null, $"'{trimmed}' is not a period this template can read (expected e.g. 2024, 2024 Q3, Q3 2024, H1 2024, March 2024, Jan-Mar 2024)"),
        };
    }

    private static Period? Auto(string text)
    {
        if (Period.TryParse(text, out var keyed))
        {
            return keyed;
        }
        if (YearQuarter().Match(text) is { Success: true } yq)
        {
            return Period.Quarter(Int(yq.Groups["year"].Value), Int(yq.Groups["quarter"].Value));
        }
        if (QuarterYear().Match(text) is { Success: true } qy)
        {
            return Period.Quarter(Int(qy.Groups["year"].Value), Int(qy.Groups["quarter"].Value));
        }
        if (HalfYear().Match(text) is { Success: true } half)
        {
            return Period.HalfYear(Int(half.Groups["year"].Value), Int(half.Groups["half"].Value));
        }
        if (MonthRange().Match(text) is { Success: true } range
            && Month(range.Groups["from"].Value) is { } from && Month(range.Groups["to"].Value) is { } to)
        {
            var year = Int(range.Groups["year"].Value);
            return (from, to) switch
            {
                (1, 12) => Period.Year(year),
                (1, 6) => Period.HalfYear(year, 1),
                (7, 12) => Period.HalfYear(year, 2),
                _ when to - from == 2 && from % 3 == 1 => Period.Quarter(year, (from + 2) / 3),
                _ => null,
            };
        }
        if (MonthYear().Match(text) is { Success: true } monthYear && Month(monthYear.Groups["month"].Value) is { } month)
        {
            return Period.Month(Int(monthYear.Groups["year"].Value), month);
        }
        return null;
    }

    private static Period? QuarterEnding(DateOnly day) =>
        day.Month % 3 == 0 && day.Day == DateTime.DaysInMonth(day.Year, day.Month) ? Period.Quarter(day.Year, day.Month / 3) : null;

    private static DateOnly? Date(string text)
    {
        // A spreadsheet date read with its time ("2024-03-31T00:00:00") is still the day.
        var day = text.Length > 10 && text[10] is 'T' or ' ' ? text[..10] : text;
        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];
        return DateOnly.TryParseExact(day, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static int? Month(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }
        return null;
    }

    private static int Int(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})\s*[- ]?\s*Q(?<quarter>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex YearQuarter();

    [GeneratedRegex(@"^Q(?<quarter>[1-4])\s*[- ]?\s*(?<year>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterYear();

    [GeneratedRegex(@"^(?:H(?<half>[12])\s*(?<year>\d{4})|(?<year>\d{4})\s*[- ]?\s*H(?<half>[12]))$", RegexOptions.IgnoreCase)]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"^(?<from>[A-Za-z]{3,9})\.?\s*(?:-|–|to)\s*(?<to>[A-Za-z]{3,9})\.?\s+(?<year>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"^(?<month>[A-Za-z]{3,9})\.?\s+(?<year>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();
}
