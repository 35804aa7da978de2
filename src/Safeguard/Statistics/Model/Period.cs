using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.Statistics.Model;

/// <summary>The kind of span a period covers.</summary>
internal enum PeriodKind
{
    /// <summary>A calendar year, "2024".</summary>
    Year,
    /// <summary>A half year, "2024-H2".</summary>
    HalfYear,
    /// <summary>A calendar quarter, "2024-Q3".</summary>
    Quarter,
    /// <summary>A calendar month, "2024-03".</summary>
    Month,
    /// <summary>A single day, for stock figures such as people in detention at the end of a quarter, "2024-12-31".</summary>
    PointInTime,
}

/// <summary>
/// A reporting period, written as a stable key ("2024", "2024-H1", "2024-Q3", "2024-03", "2024-12-31")
/// that is also its URL form. Start and end are inclusive dates.
/// </summary>
internal sealed partial record Period
{
    private Period(string key, PeriodKind kind, DateOnly start, DateOnly end)
    {
        Key = key;
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>The canonical key, e.g. "2024-Q3".</summary>
    public string Key { get; }

    /// <summary>What kind of span this is.</summary>
    public PeriodKind Kind { get; }

    /// <summary>First day covered.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day covered (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>A calendar year.</summary>
    public static Period Year(int year) => new(Invariant($"{year:D4}"), PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Half 1 (January to June) or 2 (July to December).</summary>
    public static Period HalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new(Invariant($"{year:D4}-H{half}"), PeriodKind.HalfYear, start, start.AddMonths(6).AddDays(-1));
    }

    /// <summary>Quarter 1 to 4 of a calendar year.</summary>
    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(Invariant($"{year:D4}-Q{quarter}"), PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>A calendar month.</summary>
    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(Invariant($"{year:D4}-{month:D2}"), PeriodKind.Month, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>A single day.</summary>
    public static Period PointInTime(DateOnly day) =>
        new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PeriodKind.PointInTime, day, day);

    /// <summary>Rebuilds a period from stored columns; the key decides, the dates must agree with it.</summary>
    public static Period FromKey(string key) =>
        TryParse(key, out var period) ? period : throw new FormatException($"'{key}' is not a period key.");

    /// <summary>Parses a period key; see the type's summary for the accepted forms.</summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }
        var match = KeyPattern().Match(key.Trim());
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2200)
        {
            return false;
        }
        if (match.Groups["half"].Success)
        {
            period = HalfYear(year, match.Groups["half"].Value[0] - '0');
        }
        else if (match.Groups["quarter"].Success)
        {
            period = Quarter(year, match.Groups["quarter"].Value[0] - '0');
        }
        else if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }
            if (match.Groups["day"].Success)
            {
                var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
                if (day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }
                period = PointInTime(new DateOnly(year, month, day));
            }
            else
            {
                period = Month(year, month);
            }
        }
        else
        {
            period = Year(year);
        }
        return true;
    }

    /// <summary>The period of the same kind just before this one (for "change on the previous period").</summary>
    public Period Previous() => Kind switch
    {
        PeriodKind.Year => Year(Start.Year - 1),
        PeriodKind.HalfYear => HalfYear(Start.AddMonths(-6).Year, Start.AddMonths(-6).Month <= 6 ? 1 : 2),
        PeriodKind.Quarter => Quarter(Start.AddMonths(-3).Year, ((Start.AddMonths(-3).Month - 1) / 3) + 1),
        PeriodKind.Month => Month(Start.AddMonths(-1).Year, Start.AddMonths(-1).Month),
        PeriodKind.PointInTime => throw new InvalidOperationException("A point in time has no single previous period; compare with an earlier date explicitly."),
        _ => throw new InvalidOperationException($"Unknown period kind {Kind}."),
    };

    /// <summary>How a reader sees the period: "2024", "July to December 2024", "April to June 2024", "March 2024", "31 December 2024".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Year => Key,
        PeriodKind.HalfYear or PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start:MMMM} to {End:MMMM yyyy}"),
        PeriodKind.Month => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.PointInTime => Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        _ => Key,
    };

    /// <inheritdoc />
    public override string ToString() => Key;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<year>\d{4})(?:-H(?<half>[12])|-Q(?<quarter>[1-4])|-(?<month>\d{2})(?:-(?<day>\d{2}))?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyPattern();
}
