using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Indicators;

/// <summary>Change of one series (measure, place, breakdown) on the previous period of the same kind.</summary>
internal sealed record PeriodChange(Period Period, Period PreviousPeriod, Figure Current, Figure Previous)
{
    /// <summary>Current minus previous.</summary>
    public Figure Difference => Current - Previous;

    /// <summary>Percentage change; not applicable when the previous figure is zero.</summary>
    public Figure PercentChange => (Difference / Previous).Times(100);

    /// <summary>
    /// Change for every period in a series that has a previous period in it; points in time are compared with the
    /// latest earlier point. Periods without a predecessor in the data are left out rather than compared with zero.
    /// </summary>
    public static IReadOnlyList<PeriodChange> For(IReadOnlyDictionary<Period, Figure> series)
    {
        var changes = new List<PeriodChange>();
        var points = series.Keys.Where(p => p.Kind == PeriodKind.PointInTime).OrderBy(p => p.Start).ToList();
        foreach (var (period, figure) in series.OrderBy(p => p.Key.Start))
        {
            var previous = period.Kind == PeriodKind.PointInTime
                ? points.LastOrDefault(p => p.Start < period.Start)
                : period.Previous();
            if (previous is not null && series.TryGetValue(previous, out var previousFigure))
            {
                changes.Add(new(period, previous, figure, previousFigure));
            }
        }
        return changes;
    }
}
