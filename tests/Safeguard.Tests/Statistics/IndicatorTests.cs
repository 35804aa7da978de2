using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics;

public sealed class IndicatorTests
{
    private static readonly Period Year2024 = Period.Year(2024);

    [Fact]
    public void SafeguardGap_2024Figures_Gives109ReportsAnd8Point4Per100Acdts()
    {
        var gap = SafeguardGap.From(Year2024, new Dictionary<string, Figure>
        {
            [MeasureSlugs.AcdtOpened] = Figure.Exact(1292),
            [MeasureSlugs.AcdtConstantSupervision] = Figure.Exact(419),
            [MeasureSlugs.Rule35Part1] = Figure.Exact(74),
            [MeasureSlugs.Rule35Part2] = Figure.Exact(35),
        })!;
        gap.SuicideRiskReports.ShouldBe(Figure.Exact(109));
        decimal.Round(gap.ReportsPer100Acdts.Value!.Value, 2).ShouldBe(8.44m);
        decimal.Round(gap.AcdtsPerReport.Value!.Value, 2).ShouldBe(11.85m);
        gap.ReportsPer100Acdts.Status.ShouldBe(ObservationStatus.Exact);
    }

    [Fact]
    public void SafeguardGap_Rule35Part2Suppressed_HasNoRatioAndSaysSuppressed()
    {
        var gap = SafeguardGap.From(Year2024, new Dictionary<string, Figure>
        {
            [MeasureSlugs.AcdtOpened] = Figure.Exact(1292),
            [MeasureSlugs.Rule35Part1] = Figure.Exact(74),
            [MeasureSlugs.Rule35Part2] = Figure.Missing(ObservationStatus.Suppressed),
        })!;
        gap.ReportsPer100Acdts.HasValue.ShouldBeFalse();
        gap.ReportsPer100Acdts.Status.ShouldBe(ObservationStatus.Suppressed);
        gap.ConstantSupervisionAcdts.ShouldBeNull("a measure the release does not hold is left out, never called not held");
    }

    [Fact]
    public void SafeguardGap_AcdtsALowerBound_MakesReportsPer100AnUpperBound()
    {
        var gap = SafeguardGap.From(Year2024, new Dictionary<string, Figure>
        {
            [MeasureSlugs.AcdtOpened] = new(1292, ObservationStatus.AtLeast),
            [MeasureSlugs.Rule35Part1] = Figure.Exact(74),
            [MeasureSlugs.Rule35Part2] = Figure.Exact(35),
        })!;
        gap.ReportsPer100Acdts.Status.ShouldBe(ObservationStatus.AtMost);
        gap.AcdtsPerReport.Status.ShouldBe(ObservationStatus.AtLeast);
    }

    [Fact]
    public void SafeguardGap_Rule35Part2NotInRelease_ComparesTheRule35Part1ReportsAlone()
    {
        var gap = SafeguardGap.From(Year2024, new Dictionary<string, Figure>
        {
            [MeasureSlugs.AcdtOpened] = Figure.Exact(1292),
            [MeasureSlugs.Rule35Part1] = Figure.Exact(74),
        })!;
        gap.Rule35Part2Reports.ShouldBeNull();
        gap.SuicideRiskReports.ShouldBe(Figure.Exact(74));
    }

    [Fact]
    public void SafeguardGap_NoRule35ReportsInRelease_IsNull() =>
        SafeguardGap.From(Year2024, new Dictionary<string, Figure> { [MeasureSlugs.AcdtOpened] = Figure.Exact(1292) }).ShouldBeNull();

    [Fact]
    public void SafeguardGap_NoInputsInPeriod_IsNull() =>
        SafeguardGap.From(Year2024, new Dictionary<string, Figure> { [MeasureSlugs.UseOfForceIncidents] = Figure.Exact(5) }).ShouldBeNull();

    [Fact]
    public void PeriodChange_Quarters_ComparesEachWithThePreviousQuarterOnly()
    {
        var series = new Dictionary<Period, Figure>
        {
            [Period.Quarter(2023, 4)] = Figure.Exact(200),
            [Period.Quarter(2024, 1)] = Figure.Exact(250),
            [Period.Quarter(2024, 3)] = Figure.Exact(100),
        };
        var changes = PeriodChange.For(series);
        changes.Count.ShouldBe(1, "2024-Q3 has no 2024-Q2 to compare with, and is not compared with zero");
        changes[0].Period.Key.ShouldBe("2024-Q1");
        changes[0].Difference.ShouldBe(Figure.Exact(50));
        changes[0].PercentChange.ShouldBe(Figure.Exact(25));
    }

    [Fact]
    public void PeriodChange_PreviousIsLowerBound_ChangeIsUpperBound()
    {
        var changes = PeriodChange.For(new Dictionary<Period, Figure>
        {
            [Period.Year(2023)] = new(1000, ObservationStatus.AtLeast),
            [Period.Year(2024)] = Figure.Exact(1340),
        });
        changes[0].Difference.ShouldBe(new Figure(340, ObservationStatus.AtMost));
    }

    [Fact]
    public void PeriodChange_FromZero_PercentIsNotApplicable() =>
        PeriodChange.For(new Dictionary<Period, Figure> { [Period.Year(2023)] = Figure.Exact(0), [Period.Year(2024)] = Figure.Exact(3) })[0]
            .PercentChange.Status.ShouldBe(ObservationStatus.NotApplicable);

    [Fact]
    public void PeriodChange_PointsInTime_ComparedWithLatestEarlierPoint()
    {
        var changes = PeriodChange.For(new Dictionary<Period, Figure>
        {
            [Period.PointInTime(new DateOnly(2024, 3, 31))] = Figure.Exact(1800),
            [Period.PointInTime(new DateOnly(2024, 6, 30))] = Figure.Exact(2000),
        });
        changes.Single().PreviousPeriod.Key.ShouldBe("2024-03-31");
    }
}
