using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Headlines;

/// <summary>
/// The figures of one period that headlines are written from: totals (the first reporting category, such as
/// "All IRCs", that has the measure) and per-centre figures, whole population only (no breakdowns).
/// </summary>
public sealed class HeadlineFigures(IReadOnlyList<ObservationRow> rows, Period period)
{
    private readonly List<ObservationRow> inPeriod = [.. rows.Where(r => r.PeriodKey == period.Key && r.Breakdown.Length == 0)];

    /// <summary>The total for a measure, or null when the release does not report it for the period.</summary>
    public Figure? Total(string measure)
    {
        var candidates = inPeriod.Where(r => r.Measure == measure).ToList();
        var row = candidates.FirstOrDefault(r => r.PlaceKind == PlaceKind.Category) ?? (candidates.Count == 1 ? candidates[0] : null);
        return row is null ? null : new Figure(row.Value, row.Status);
    }

    /// <summary>Per-centre figures for a measure, in the places' display order.</summary>
    public IReadOnlyList<(string Place, Figure Figure)> ByCentre(string measure) =>
        [.. inPeriod.Where(r => r.Measure == measure && r.PlaceKind != PlaceKind.Category).Select(r => (r.PlaceName, new Figure(r.Value, r.Status)))];

    /// <summary>The safeguard gap for the period, from the totals.</summary>
    public SafeguardGap? Gap()
    {
        var figures = SafeguardGap.InputMeasures
            .Select(m => (Measure: m, Figure: Total(m)))
            .Where(x => x.Figure is not null)
            .ToDictionary(x => x.Measure, x => x.Figure!.Value);
        return SafeguardGap.From(period, figures);
    }
}
