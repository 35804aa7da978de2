using Safeguard.Foi.Holidays;

namespace Safeguard.Foi.Clock;

/// <summary>A day that is not a working day, and why, in words: "Saturday", "Good Friday", "2nd January in Scotland".</summary>
internal sealed record NonWorkingDay(DateOnly Date, string Reason, bool IsWeekend);

/// <summary>
/// Working days as the Freedom of Information Act 2000 defines them (s.10(6)): any day other than a Saturday, a
/// Sunday, Christmas Day, Good Friday, or a bank holiday under the Banking and Financial Dealings Act 1971 in any part
/// of the United Kingdom. So St Patrick's Day, a Northern Irish bank holiday, is not a working day for an authority in
/// London. Christmas Day and Good Friday are non-working days whether or not a feed lists them (Good Friday from
/// <see cref="Easter"/>). A date in a year whose bank holidays are not known in every division is an
/// <see cref="OutsideCoveredYearsException"/>, never a guess.
/// </summary>
internal sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, List<BankHoliday>> holidays;

    /// <param name="bankHolidays">Every known bank holiday of every division; one per division and date (a later
    /// entry for the same division and date replaces an earlier one, so an imported feed can correct a title).</param>
    public WorkingDayCalendar(IEnumerable<BankHoliday> bankHolidays)
    {
        var byDivisionAndDate = new Dictionary<(UkDivision, DateOnly), BankHoliday>();
        foreach (var holiday in bankHolidays)
        {
            byDivisionAndDate[(holiday.Division, holiday.Date)] = holiday;
        }
        holidays = byDivisionAndDate.Values.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Division).ToList());
        // A year counts as known only when every division lists it whole: the rule needs all three, and a year
        // listed in part (a feed cut short) would be a guess about the rest. Every division has a bank holiday in
        // the first days of January (New Year's Day or its substitute) and in the last of December (Christmas and
        // Boxing Day, or their substitutes), so a year with both is taken as listed whole.
        var yearsByDivision = UkDivisions.All.Select(d =>
        {
            var months = byDivisionAndDate.Keys.Where(k => k.Item1 == d).Select(k => (k.Item2.Year, k.Item2.Month)).ToHashSet();
            return months.Where(m => m.Month == 1 && months.Contains((m.Year, 12))).Select(m => m.Year).ToHashSet();
        }).ToList();
        Covered = new CoveredYears(yearsByDivision.Aggregate((known, next) => [.. known.Intersect(next)]));
    }

    /// <summary>The years whose bank holidays are known in every division.</summary>
    public CoveredYears Covered { get; }

    /// <summary>Throws <see cref="OutsideCoveredYearsException"/> when the bank holidays of the date's year are not known.</summary>
    private void EnsureCovered(DateOnly date)
    {
        if (!Covered.Contains(date.Year))
        {
            throw new OutsideCoveredYearsException(date, Covered);
        }
    }

    /// <summary>Why the date is not a working day (s.10(6)), or null when it is one.</summary>
    public NonWorkingDay? NonWorking(DateOnly date)
    {
        EnsureCovered(date);
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return new NonWorkingDay(date, date.DayOfWeek.ToString(), IsWeekend: true);
        }
        if (holidays.TryGetValue(date, out var listed))
        {
            var reasons = listed.GroupBy(Name)
                .Select(g => g.Count() == UkDivisions.All.Count
                    ? g.Key
                    : $"{g.Key} in {string.Join(" and ", g.Select(h => h.Division.Name()))}");
            return new NonWorkingDay(date, string.Join("; ", reasons), IsWeekend: false);
        }
        if (date.Month == 12 && date.Day == 25)
        {
            return new NonWorkingDay(date, "Christmas Day", IsWeekend: false);
        }
        if (date == Easter.GoodFriday(date.Year))
        {
            return new NonWorkingDay(date, "Good Friday", IsWeekend: false);
        }
        return null;
    }

    private static string Name(BankHoliday holiday) => holiday.Notes switch
    {
        "" => holiday.Title,
        var notes when notes.Equals("Substitute day", StringComparison.OrdinalIgnoreCase) => $"substitute day for {holiday.Title}",
        var notes => $"{holiday.Title} – {notes}",
    };

    /// <summary>
    /// The <paramref name="count"/>th working day after <paramref name="start"/> (which itself is never counted, whether
    /// or not it is a working day), and the weekday holidays passed on the way.
    /// </summary>
    public (DateOnly Date, IReadOnlyList<NonWorkingDay> HolidaysSkipped) AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var skipped = new List<NonWorkingDay>();
        var date = start;
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(1);
            if (NonWorking(date) is { } off)
            {
                if (!off.IsWeekend)
                {
                    skipped.Add(off);
                }
            }
            else
            {
                counted++;
            }
        }
        return (date, skipped);
    }

    /// <summary>How many working days lie after <paramref name="start"/> up to and including <paramref name="end"/> (0 when end is not later).</summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (NonWorking(date) is null)
            {
                count++;
            }
        }
        return count;
    }
}
