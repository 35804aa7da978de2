using Safeguard.Casework.Cohorts;

namespace Safeguard.Tests.Casework;

/// <summary>The cohort figures' two blocks through small-number suppression, including what subtraction between them would give away.</summary>
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
}
