using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Headlines;

/// <summary>
/// The figures of one period that headlines are written from: totals (figures for a reporting category, such as
/// "All IRCs") and per-centre figures, whole population only (no breakdowns).
/// </summary>
internal sealed class HeadlineFigures(IReadOnlyList<ObservationRow> rows, Period period)
{
    private readonly List<ObservationRow> inPeriod = [.. rows.Where(r => r.PeriodKey == period.Key && r.Breakdown.Length == 0)];

    /// <summary>
    /// The totals of the measures one sentence gives together, all for one and the same reporting category, so that a
    /// sentence never sets the figure of one place beside (or divides it by) that of another: the category holding the
    /// most of the measures, the first in the release's order among equals. A measure that category does not hold is
    /// left out, as is every measure when no category holds any: a centre's figure is never written as a total.
    /// </summary>
    public IReadOnlyDictionary<string, Figure> Totals(params IReadOnlyList<string> measures)
    {
        var place = inPeriod.Where(r => r.PlaceKind == PlaceKind.Category && measures.Contains(r.Measure))
            .GroupBy(r => r.Place)
            .OrderByDescending(category => category.Select(r => r.Measure).Distinct().Count())
            .FirstOrDefault();
        return place is null ? new Dictionary<string, Figure>() : place.ToDictionary(r => r.Measure, r => new Figure(r.Value, r.Status));
    }

    /// <summary>Per-centre figures for a measure, in the places' display order.</summary>
    public IReadOnlyList<(string Place, Figure Figure)> ByCentre(string measure) =>
        [.. inPeriod.Where(r => r.Measure == measure && r.PlaceKind != PlaceKind.Category).Select(r => (r.PlaceName, new Figure(r.Value, r.Status)))];

    /// <summary>The safeguard gap for the period, every input from the same reporting category.</summary>
    public SafeguardGap? Gap() => SafeguardGap.From(period, Totals(SafeguardGap.InputMeasures));
}
