using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Indicators;

/// <summary>
/// The charity's headline comparison for one period: ACDT documents opened (people identified as at risk of suicide
/// or self-harm) against Rule 35(1) and 35(2) reports (the clinical safeguard for exactly that risk).
/// Computed from observations every time; never stored.
/// </summary>
public sealed record SafeguardGap(
    Period Period,
    Figure AcdtsOpened,
    Figure ConstantSupervisionAcdts,
    Figure Rule35Part1Reports,
    Figure Rule35Part2Reports)
{
    /// <summary>Measures the gap is computed from.</summary>
    public static readonly IReadOnlyList<string> InputMeasures =
        [MeasureSlugs.AcdtOpened, MeasureSlugs.AcdtConstantSupervision, MeasureSlugs.Rule35Part1, MeasureSlugs.Rule35Part2];

    /// <summary>Rule 35(1) and 35(2) reports together.</summary>
    public Figure SuicideRiskReports => Rule35Part1Reports + Rule35Part2Reports;

    /// <summary>ACDTs opened for each Rule 35(1) or 35(2) report.</summary>
    public Figure AcdtsPerReport => AcdtsOpened / SuicideRiskReports;

    /// <summary>Rule 35(1) and 35(2) reports for every 100 ACDTs opened.</summary>
    public Figure ReportsPer100Acdts => (SuicideRiskReports / AcdtsOpened).Times(100);

    /// <summary>
    /// The gap for one period from figures keyed by measure slug (all for the same place, "all IRCs");
    /// null when neither ACDTs nor Rule 35(1)/(2) reports are reported for the period.
    /// </summary>
    public static SafeguardGap? From(Period period, IReadOnlyDictionary<string, Figure> figures)
    {
        if (!figures.ContainsKey(MeasureSlugs.AcdtOpened)
            && !figures.ContainsKey(MeasureSlugs.Rule35Part1)
            && !figures.ContainsKey(MeasureSlugs.Rule35Part2))
        {
            return null;
        }
        Figure Get(string measure) => figures.TryGetValue(measure, out var figure) ? figure : Figure.Missing(ObservationStatus.NotHeld);
        return new(period, Get(MeasureSlugs.AcdtOpened), Get(MeasureSlugs.AcdtConstantSupervision), Get(MeasureSlugs.Rule35Part1), Get(MeasureSlugs.Rule35Part2));
    }
}
