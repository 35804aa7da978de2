using System.Globalization;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Indicators;

/// <summary>A figure per 100 people detained, and which count of people it was divided by.</summary>
internal sealed record Rate(Figure Value, string Population)
{
    /// <summary>"2.6 per 100 people entering detention", "at least 6.5 per 100 people detained".</summary>
    public string Describe()
    {
        if (!Value.HasValue)
        {
            return $"not available ({Value.Status.Label()})";
        }
        var number = Math.Round(Value.Value!.Value, Value.Value < 1 ? 3 : 1).ToString("#,##0.0##", CultureInfo.GetCultureInfo("en-GB"));
        var bounded = Value.Status switch
        {
            ObservationStatus.AtLeast => $"at least {number}",
            ObservationStatus.AtMost => $"at most {number}",
            ObservationStatus.Estimated => $"an estimated {number}",
            _ => number,
        };
        return $"{bounded} per 100 {Population}";
    }
}

/// <summary>
/// Rates per 100 people detained, where the population is known: a count for a place and period divided by the
/// people held there in that period. The population is the charity's "people detained" figure when the release
/// has one for the same place and period; otherwise the Home Office's people entering detention, for the same
/// period or, for a year or half-year, added up from all its quarters. Nowhere else is a population assumed, so a
/// figure without one has no rate. Bounds and missing values follow <see cref="Figure"/> arithmetic.
/// </summary>
internal static class RatePer100
{
    /// <summary>The measures a population is read from.</summary>
    public static IReadOnlyList<string> PopulationMeasures { get; } = [MeasureSlugs.PeopleDetained, MeasureSlugs.PeopleEnteringDetention];

    /// <summary>Counts of the population itself, which have no rate per 100 of it.</summary>
    private static readonly HashSet<string> PopulationCounts =
    [
        MeasureSlugs.PeopleDetained, MeasureSlugs.PeopleEnteringDetention, MeasureSlugs.PeopleInDetention, MeasureSlugs.PeopleLeavingDetention,
    ];

    private static readonly HashSet<string> CountedUnits = ["people", "reports", "documents", "incidents"];

    /// <summary>The rate of each row that has a known population; <paramref name="population"/> holds whole-population rows of <see cref="PopulationMeasures"/>.</summary>
    public static Dictionary<ObservationRow, Rate> For(IEnumerable<ObservationRow> rows, IEnumerable<ObservationRow> population)
    {
        var known = population.Where(r => r.Breakdown.Length == 0)
            .ToLookup(r => (r.Measure, r.Place));
        var rates = new Dictionary<ObservationRow, Rate>();
        foreach (var row in rows.Where(r => CountedUnits.Contains(r.Unit) && !PopulationCounts.Contains(r.Measure)))
        {
            var period = Period.FromKey(row.PeriodKey);
            if (Population(known, MeasureSlugs.PeopleDetained, row.Place, period) is { } detained)
            {
                rates[row] = new Rate((new Figure(row.Value, row.Status) / detained).Times(100), "people detained");
            }
            else if (Population(known, MeasureSlugs.PeopleEnteringDetention, row.Place, period) is { } entering)
            {
                rates[row] = new Rate((new Figure(row.Value, row.Status) / entering).Times(100), "people entering detention");
            }
        }
        return rates;
    }

    private static Figure? Population(ILookup<(string Measure, string Place), ObservationRow> known, string measure, string place, Period period)
    {
        var series = known[(measure, place)].ToDictionary(r => r.PeriodKey);
        if (series.TryGetValue(period.Key, out var exact))
        {
            return new Figure(exact.Value, exact.Status);
        }
        if (period.Kind is not (PeriodKind.Year or PeriodKind.HalfYear))
        {
            return null;
        }
        var quarters = new List<Figure>();
        for (var start = period.Start; start < period.End; start = start.AddMonths(3))
        {
            var quarter = Period.Quarter(start.Year, (start.Month + 2) / 3);
            if (!series.TryGetValue(quarter.Key, out var row))
            {
                return null;
            }
            quarters.Add(new Figure(row.Value, row.Status));
        }
        return quarters.Aggregate(Figure.Exact(0), (sum, quarter) => sum + quarter);
    }
}
