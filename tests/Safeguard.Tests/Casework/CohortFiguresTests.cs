using FsCheck;
using FsCheck.Fluent;
using Safeguard.Casework.Cohorts;

namespace Safeguard.Tests.Casework;

/// <summary>
/// The cohort figures' two blocks through small-number suppression, including what subtraction between them would
/// give away, and what subtraction from the figures of a cohort shown before would.
/// </summary>
public sealed class CohortFiguresTests
{
    private static readonly SmallNumberSuppression Five = new(5);

    private static int?[] Shown(SuppressedCohort block) => [block.Size, .. block.Counts.Select(c => c.Count)];

    [Fact]
    public void Suppress_CohortOfFour_ShowsNothingInEitherBlock()
    {
        var figures = CohortQuery.Suppress(new CohortCounts(4, 4, 3, 2, 1, 4, 4), Five);
        Shown(figures.Cohort).ShouldAllBe(n => n == null);
        Shown(figures.WithReport).ShouldAllBe(n => n == null);
        figures.Cohort.Counts.ShouldNotBeEmpty();
        figures.Cohort.Counts.ShouldAllBe(c => c.Percentage == null);
    }

    [Fact]
    public void Suppress_TheSeedsRwandaCohort_ShowsItsPercentages()
    {
        // 48 clients, 82% torture survivors, 78% with suicidal thoughts, all released (the charity's own figures).
        var figures = CohortQuery.Suppress(new CohortCounts(48, 48, 39, 37, 30, 48, 48), Five);
        figures.Cohort.Size.ShouldBe(48);
        figures.Cohort.Counts.Select(c => (c.Measure, c.Count, c.Percentage)).ShouldBe([
            (CohortQuery.WithReport, 48, 100), (CohortQuery.TortureSurvivors, 39, 81), (CohortQuery.SuicidalThoughts, 37, 77), (CohortQuery.Ptsd, 30, 63), (CohortQuery.Released, 48, 100)]);
        figures.WithReport.Counts.Single().Count.ShouldBe(48);
    }

    [Fact]
    public void Suppress_ReleasedWithAReport_IsHeldBackWhenSubtractionWouldRevealTheFewReleasedWithout()
    {
        // 80 clients, 73 with a report, 66 of those released (90%); 69 released in all: 3 released without a report.
        var figures = CohortQuery.Suppress(new CohortCounts(80, 73, 40, 30, 20, 69, 66), Five);
        figures.Cohort.Counts.Single(c => c.Measure == CohortQuery.Released).Count.ShouldBe(69);
        figures.WithReport.Size.ShouldBe(73);
        figures.WithReport.Counts.Single().Count.ShouldBeNull("69 - 66 would reveal the 3 released without a report");

        var safe = CohortQuery.Suppress(new CohortCounts(90, 73, 40, 30, 20, 76, 66), Five);
        safe.WithReport.Counts.Single().Count.ShouldBe(66);
        safe.WithReport.Counts.Single().Percentage.ShouldBe(90);
    }

    [Fact]
    public void Suppress_WhenTheCohortHidesHowManyHaveAReport_TheSecondBlockShowsNothing()
    {
        // 50 clients, 47 with a report: the 3 without would follow from 50 - 47, so neither is shown.
        var figures = CohortQuery.Suppress(new CohortCounts(50, 47, 20, 20, 20, 30, 29), Five);
        figures.Cohort.Counts[0].Count.ShouldBeNull();
        Shown(figures.WithReport).ShouldAllBe(n => n == null);
    }
    private static IEnumerable<(string Figure, HeldBack Reason)> Reasons(CohortFigures figures) =>
        [.. figures.Cohort.Reasons.Zip(["clients", .. figures.Cohort.Counts.Select(c => c.Measure)], (r, m) => ($"cohort {m}", r)),
         .. figures.WithReport.Reasons.Zip(["clients", .. figures.WithReport.Counts.Select(c => c.Measure)], (r, m) => ($"with a report {m}", r))];

    [Fact]
    public void Suppress_DifferenceOfFourFromACohortShownBefore_HoldsBackEverything()
    {
        var cohort = new CohortCounts(44, 40, 30, 20, 15, 40, 38);
        var difference = CohortQuery.Suppress(new CohortCounts(4, 4, 2, 1, 1, 3, 3), Five);

        var figures = CohortQuery.Suppress(cohort, Five, [difference]);

        figures.Cohort.SizeReason.ShouldBe(HeldBack.OtherCohort);
        Reasons(figures).ShouldAllBe(f => f.Reason != HeldBack.No);
        Reasons(figures).Where(f => f.Reason == HeldBack.Complement).Select(f => f.Figure).ShouldBe(
            ["cohort with a medico-legal report", "cohort released", "with a report clients", "with a report released"], "40 of 44 held back already, as 44 alone would hold them back");
        figures.Cohort.Counts.ShouldNotBeEmpty();
        figures.Cohort.Counts.ShouldAllBe(c => c.Count == null && c.Percentage == null);
        figures.ShowsAnything.ShouldBeFalse();
    }

    [Fact]
    public void Suppress_DifferenceWithFourTortureSurvivors_HoldsBackThatCountAndItsPercentageOnly()
    {
        var cohort = new CohortCounts(50, 0, 30, 20, 0, 25, 0);
        var difference = CohortQuery.Suppress(new CohortCounts(10, 0, 4, 5, 0, 5, 0), Five);

        var figures = CohortQuery.Suppress(cohort, Five, [difference]);

        figures.Cohort.Size.ShouldBe(50);
        figures.Cohort.Counts.ShouldBe([
            new(CohortQuery.WithReport, 0, 0), new(CohortQuery.TortureSurvivors, null, null) { Reason = HeldBack.OtherCohort },
            new(CohortQuery.SuicidalThoughts, 20, 40), new(CohortQuery.Ptsd, 0, 0), new(CohortQuery.Released, 25, 50)]);
    }

    [Fact]
    public void Suppress_DifferenceWhoseComplementIsSmall_HoldsBackTheCount()
    {
        // 10 clients by which the cohorts differ, 7 of them released: the 3 not released would follow.
        var figures = CohortQuery.Suppress(new CohortCounts(50, 0, 20, 20, 0, 25, 0), Five, [CohortQuery.Suppress(new CohortCounts(10, 0, 5, 5, 0, 7, 0), Five)]);
        figures.Cohort.Counts[^1].Reason.ShouldBe(HeldBack.OtherCohort);
        figures.Cohort.Counts[1].Count.ShouldBe(20);
    }

    [Fact]
    public void Suppress_ReportCountHeldBackByADifference_HoldsBackTheSecondBlockForTheSameReason()
    {
        var figures = CohortQuery.Suppress(new CohortCounts(60, 40, 20, 20, 20, 30, 20), Five, [CohortQuery.Suppress(new CohortCounts(10, 3, 5, 5, 5, 5, 2), Five)]);
        figures.Cohort.Counts[0].Reason.ShouldBe(HeldBack.OtherCohort);
        figures.WithReport.Size.ShouldBeNull();
        var withReport = Reasons(figures).Where(f => f.Figure.StartsWith("with a report", StringComparison.Ordinal)).ToList();
        withReport.ShouldNotBeEmpty();
        withReport.ShouldAllBe(f => f.Reason == HeldBack.OtherCohort);
    }

    [Fact]
    public void Suppress_ReleasedHeldBackByADifference_StillHoldsBackReleasedWithAReportWhereTheCohortAloneWould()
    {
        // Alone, 69 released and 66 of those with a report would reveal the 3 released without one, so the second
        // block's "released" is held back. A difference then holds back the first block's "released"; seen at both
        // times, the two would still give the 3 away, so the second block's stays held back.
        var cohort = new CohortCounts(80, 73, 40, 30, 20, 69, 66);
        var figures = CohortQuery.Suppress(cohort, Five, [CohortQuery.Suppress(new CohortCounts(10, 10, 5, 5, 5, 8, 8), Five)]);
        figures.Cohort.Counts[^1].Reason.ShouldBe(HeldBack.OtherCohort);
        figures.WithReport.Counts.Single().Reason.ShouldBe(HeldBack.Complement);
    }

    private static Gen<CohortCounts> Counts(int largest) =>
        from size in Gen.Choose(0, largest)
        from withReport in Gen.Choose(0, size)
        from torture in Gen.Choose(0, size)
        from suicidal in Gen.Choose(0, size)
        from ptsd in Gen.Choose(0, size)
        from releasedWithReport in Gen.Choose(0, withReport)
        from releasedWithout in Gen.Choose(0, size - withReport)
        select new CohortCounts(size, withReport, torture, suicidal, ptsd, releasedWithReport + releasedWithout, releasedWithReport);

    private static int?[] Figures(CohortFigures figures) =>
        [figures.Cohort.Size, .. figures.Cohort.Counts.Select(c => c.Count), figures.WithReport.Size, .. figures.WithReport.Counts.Select(c => c.Count)];

    [FsCheck.Xunit.Property]
    public Property Suppress_AnyDifferences_ShowOnlyWhatTheCohortAloneShows_AndNothingWhoseCounterpartInADifferenceIsHeldBack() =>
        Prop.ForAll(Counts(120).SelectMany(cohort => Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Counts(30), n)).Select(differences => (cohort, differences))).ToArbitrary(), pair =>
        {
            var (cohort, differences) = pair;
            var alone = Figures(CohortQuery.Suppress(cohort, Five));
            var suppressedDifferences = differences.Select(d => CohortQuery.Suppress(d, Five)).ToList();
            var shown = Figures(CohortQuery.Suppress(cohort, Five, suppressedDifferences));
            return shown.Select((n, i) => n is null || n == alone[i]).All(x => x)
                && suppressedDifferences.All(d => Figures(d).Select((n, i) => n is not null || shown[i] is null).All(x => x));
        });
}
