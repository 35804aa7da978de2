using System.Globalization;

namespace Safeguard.Foi.Clock;

/// <summary>The years whose bank holidays are known in every part of the United Kingdom.</summary>
internal sealed class CoveredYears(IEnumerable<int> years)
{
    private readonly SortedSet<int> years = [.. years];

    public IReadOnlyCollection<int> Years => years;

    public bool Contains(int year) => years.Contains(year);

    /// <summary>
    /// The last day of the unbroken run of known years that <paramref name="today"/> lies in: the last day the clock
    /// can count to from today; null when today's year is not known.
    /// </summary>
    public DateOnly? LastDayFrom(DateOnly today)
    {
        if (!Contains(today.Year))
        {
            return null;
        }
        var year = today.Year;
        while (Contains(year + 1))
        {
            year++;
        }
        return new DateOnly(year, 12, 31);
    }

    /// <summary>"2024 to 2027", or "2018 to 2019 and 2024 to 2027" when there is a gap.</summary>
    public override string ToString()
    {
        if (years.Count == 0)
        {
            return "no years";
        }
        var runs = new List<string>();
        int? start = null;
        var previous = 0;
        foreach (var year in years.Append(int.MaxValue))
        {
            if (start is { } first && year != previous + 1)
            {
                runs.Add(first == previous ? Text(first) : $"{Text(first)} to {Text(previous)}");
                start = null;
            }
            start ??= year;
            previous = year;
        }
        return runs.Count == 1 ? runs[0] : $"{string.Join(", ", runs[..^1])} and {runs[^1]}";
    }

    private static string Text(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A date whose year has no known bank holidays. Never guessed: the person is told which years are known and how to
/// add more.
/// </summary>
internal sealed class OutsideCoveredYearsException(DateOnly date, CoveredYears covered)
    : Exception(covered.Years.Count == 0
        ? $"No bank holidays are known, so {date:yyyy-MM-dd} cannot be counted: import a GOV.UK feed with 'foi holidays import'."
        : $"Bank holidays are known for {covered}; {date:yyyy-MM-dd} is outside them: import a newer GOV.UK feed with 'foi holidays import'.")
{
    public DateOnly Date { get; } = date;

    public CoveredYears Covered { get; } = covered;
}
