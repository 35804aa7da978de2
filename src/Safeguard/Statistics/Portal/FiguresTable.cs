using Safeguard.Platform.Web;
using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// A table of figures with their status, note and source, as every portal page shows them, and each figure's
/// change on the previous period where the release holds that period for the same measure, place and breakdown.
/// A paged table is given the whole series of its rows (<paramref name="Series"/>), so a figure whose previous
/// period is on another page still shows its change, and its <paramref name="Pages"/> for the links to the others.
/// <paramref name="Population"/> holds the counts of people detained for the places and periods on the table, from
/// which each figure's rate per 100 people detained is given where that population is known (<see cref="RatePer100"/>).
/// </summary>
internal sealed record FiguresTable(string Caption, IReadOnlyList<ObservationRow> Rows, IReadOnlyList<ObservationRow>? Series = null, Pagination? Pages = null,
    IReadOnlyList<ObservationRow>? Population = null)
{
    /// <summary>The change on the previous period, for each row that has one.</summary>
    public IReadOnlyDictionary<ObservationRow, PeriodChange> Changes { get; } = ChangesOf(Series ?? Rows);

    /// <summary>The rate per 100 people detained, for each row whose population is known.</summary>
    public IReadOnlyDictionary<ObservationRow, Rate> Rates { get; } = RatePer100.For(Rows, Population ?? Series ?? Rows);

    /// <summary>
    /// The change in words, carrying its status, the difference in the figures' <paramref name="unit"/>: "up 115 (19.2%)
    /// on 2023", "down at most 20 (3.1%) on 2023", "up £5.45 (5.7%) on 2019-Q4", "no change on 2023", or "not available
    /// (suppressed)" when an input has no value.
    /// </summary>
    public static string Describe(PeriodChange change, string unit)
    {
        var difference = change.Difference;
        if (!difference.HasValue)
        {
            return $"not available ({difference.Status.Label()})";
        }
        var on = $"on {change.PreviousPeriod.Label}";
        if (difference.Value == 0 && difference.Status == ObservationStatus.Exact)
        {
            return $"no change {on}";
        }
        var up = difference.Value > 0;
        var size = Magnitude(difference, up);
        var percent = Magnitude(change.PercentChange, up);
        var percentText = percent.HasValue ? $" ({FigureText.Ratio(percent.Value, percent.Status)}%)" : "";
        return $"{(up ? "up" : "down")} {FigureText.Format(size.Value, size.Status, unit)}{percentText} {on}";
    }

    /// <summary>The size of a change with its bound; a lower bound on a fall is an upper bound on its size.</summary>
    private static Figure Magnitude(Figure figure, bool up)
    {
        var status = up ? figure.Status : figure.Status switch
        {
            ObservationStatus.AtLeast => ObservationStatus.AtMost,
            ObservationStatus.AtMost => ObservationStatus.AtLeast,
            _ => figure.Status,
        };
        return new(figure.Value is { } value ? Math.Abs(value) : null, status);
    }

    private static Dictionary<ObservationRow, PeriodChange> ChangesOf(IReadOnlyList<ObservationRow> rows) =>
        rows.GroupBy(r => (r.Measure, r.Place, r.Breakdown))
            .SelectMany(series =>
            {
                var byPeriod = series.ToDictionary(r => Period.FromKey(r.PeriodKey));
                return PeriodChange.For(byPeriod.ToDictionary(p => p.Key, p => new Figure(p.Value.Value, p.Value.Status)))
                    .Select(change => (Row: byPeriod[change.Period], Change: change));
            })
            .ToDictionary(x => x.Row, x => x.Change);
}
