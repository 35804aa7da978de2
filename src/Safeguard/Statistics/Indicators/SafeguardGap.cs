using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Indicators;

/// <summary>
/// The charity's headline comparison for one period and one place: ACDT documents opened (people identified as at risk
/// of suicide or self-harm) against Rule 35(1) and 35(2) reports (the clinical safeguard for exactly that risk).
/// An input the release does not hold for the place is null; one it holds without a number (suppressed, not held)
/// is a figure with that status. Computed from observations every time; never stored.
/// </summary>
internal sealed record SafeguardGap(
    Period Period,
    Figure AcdtsOpened,
    Figure? ConstantSupervisionAcdts,
    Figure? Rule35Part1Reports,
    Figure? Rule35Part2Reports)
{
    /// <summary>Measures the gap is computed from.</summary>
    public static readonly IReadOnlyList<string> InputMeasures =
        [MeasureSlugs.AcdtOpened, MeasureSlugs.AcdtConstantSupervision, MeasureSlugs.Rule35Part1, MeasureSlugs.Rule35Part2];

    /// <summary>Rule 35(1) and 35(2) reports together: those of the two that the release holds.</summary>
    public Figure SuicideRiskReports =>
        new[] { Rule35Part1Reports, Rule35Part2Reports }.OfType<Figure>().Aggregate((sum, reports) => sum + reports);

    /// <summary>ACDTs opened for each Rule 35(1) or 35(2) report.</summary>
    public Figure AcdtsPerReport => AcdtsOpened / SuicideRiskReports;

    /// <summary>Rule 35(1) and 35(2) reports for every 100 ACDTs opened.</summary>
    public Figure ReportsPer100Acdts => (SuicideRiskReports / AcdtsOpened).Times(100);

    /// <summary>
    /// The gap for one period from figures keyed by measure slug, all for the same place (e.g. "All IRCs"), holding
    /// only the measures the release has for it; null when there is nothing to compare: no ACDTs opened, or neither
    /// Rule 35(1) nor 35(2) reports.
    /// </summary>
    public static SafeguardGap? From(Period period, IReadOnlyDictionary<string, Figure> figures)
    {
        if (!figures.TryGetValue(MeasureSlugs.AcdtOpened, out var acdts)
            || !(figures.ContainsKey(MeasureSlugs.Rule35Part1) || figures.ContainsKey(MeasureSlugs.Rule35Part2)))
        {
            return null;
        }
        Figure? Held(string measure) => figures.TryGetValue(measure, out var figure) ? figure : null;
        return new(period, acdts, Held(MeasureSlugs.AcdtConstantSupervision), Held(MeasureSlugs.Rule35Part1), Held(MeasureSlugs.Rule35Part2));
    }
}
