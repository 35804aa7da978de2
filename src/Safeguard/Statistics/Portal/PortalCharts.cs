using Safeguard.Statistics.Charts;
using Safeguard.Statistics.Headlines;
using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Portal;

/// <summary>The charts of the portal's pages, built from the same rows as the tables beside them.</summary>
internal static class PortalCharts
{
    /// <summary>ACDTs opened against Rule 35(1) and 35(2) reports: a bar for each of them the release holds.</summary>
    public static BarChart Gap(SafeguardGap gap) => new(
        "gap-chart",
        $"ACDTs opened and Rule 35(1) and 35(2) reports, {gap.Period.Label}",
        HeadlineWriter.Gap(gap) ?? "Not every figure needed for the comparison is available for this period.",
        "documents or reports",
        [
            .. Bar("ACDTs opened", gap.AcdtsOpened),
            .. Bar("Constant supervision ACDTs", gap.ConstantSupervisionAcdts),
            .. Bar("Rule 35(1) reports", gap.Rule35Part1Reports),
            .. Bar("Rule 35(2) reports", gap.Rule35Part2Reports),
        ]);

    /// <summary>A theme's figures for its latest period: by place when it has one measure, else by measure.</summary>
    public static BarChart? Theme(Theme theme, IReadOnlyList<ObservationRow> rows)
    {
        var latest = OneScale(LatestWholePopulation(rows));
        if (latest.Count == 0)
        {
            return null;
        }
        var oneMeasure = latest.Select(r => r.Measure).Distinct().Count() == 1;
        var period = Period.FromKey(latest[0].PeriodKey);
        return new(
            $"{theme.Slug}-chart",
            $"{theme.Title}, {period.Label}",
            Describe(latest, oneMeasure ? r => r.PlaceName : r => r.MeasureName),
            Axis(latest),
            [.. latest.Select(r => Bar(oneMeasure ? r.PlaceName : Label(r), r))]);
    }

    /// <summary>Every measure reported for a place in its latest period.</summary>
    public static BarChart? Place(Place place, IReadOnlyList<ObservationRow> rows)
    {
        var latest = OneScale(LatestWholePopulation(rows));
        if (latest.Count == 0)
        {
            return null;
        }
        var period = Period.FromKey(latest[0].PeriodKey);
        return new(
            $"{place.Slug}-chart",
            $"{place.Name}, {period.Label}",
            Describe(latest, r => r.MeasureName),
            Axis(latest),
            [.. latest.Select(r => Bar(r.MeasureName, r))]);
    }

    /// <summary>A count of the safeguard gap, when the release holds it.</summary>
    private static IEnumerable<ChartBar> Bar(string label, Figure? figure) =>
        figure is { } held ? [new(label, held.Value, held.Status, FigureText.Count(held.Value, held.Status))] : [];

    /// <summary>A figure of the release, read in its unit.</summary>
    private static ChartBar Bar(string label, ObservationRow row) => new(label, row.Value, row.Status, row.Display);

    private static string Label(ObservationRow row) =>
        row.PlaceKind == PlaceKind.Category ? row.MeasureName : $"{row.MeasureName}, {row.PlaceName}";

    /// <summary>
    /// The rows one axis can read: counts, or else money. Bars of people and of pounds on one scale would compare what
    /// cannot be compared, so a chart of counts leaves the pounds to the table beside it, which holds every figure.
    /// </summary>
    private static List<ObservationRow> OneScale(List<ObservationRow> rows) =>
        rows.Any(r => r.Unit != FigureText.Pounds) ? [.. rows.Where(r => r.Unit != FigureText.Pounds)] : rows;

    /// <summary>The axis's name: the unit when every bar shares it, else "count" (of reports, documents, people and so on).</summary>
    private static string Axis(List<ObservationRow> rows) => rows.Select(r => r.Unit).Distinct().Count() == 1 ? rows[0].Unit : "count";

    private static List<ObservationRow> LatestWholePopulation(IReadOnlyList<ObservationRow> rows)
    {
        var period = HeadlineWriter.HeadlinePeriod(rows);
        return period is null ? [] : [.. rows.Where(r => r.PeriodKey == period.Key && r.Breakdown.Length == 0)];
    }

    /// <summary>A sentence for screen readers: the largest and smallest figures.</summary>
    private static string Describe(List<ObservationRow> rows, Func<ObservationRow, string> name)
    {
        var valued = rows.Where(r => r.Status.HasValue() && r.Value is not null).OrderByDescending(r => r.Value).ToList();
        if (valued.Count < 2)
        {
            return string.Join("; ", rows.Select(r => $"{name(r)}: {r.Display}")) + ".";
        }
        return $"{valued.Count} figures. Highest: {name(valued[0])}, {valued[0].Display}. Lowest: {name(valued[^1])}, {valued[^1].Display}. The table that follows gives every figure.";
    }
}
