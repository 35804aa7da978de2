using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;
using Safeguard.Tests.Statistics.Downloads;

namespace Safeguard.Tests.Statistics;

public sealed class ReleaseComparisonTests
{
    private static ObservationRow Figure(string place, string period, decimal? value, ObservationStatus status = ObservationStatus.Exact, string? note = null, string breakdown = "") =>
        SyntheticRows.Row(value, status, note) with { Place = place, PlaceName = place, PeriodKey = period, Breakdown = breakdown };

    [Fact]
    public void Compare_SameFigures_HasNoChangesAndCountsThemUnchanged()
    {
        var rows = new[] { Figure("brook-house", "2023-Q4", 120), Figure("colnbrook", "2023-Q4", 80) };

        var comparison = ReleaseComparison.Compare(rows, rows.Select(r => r with { Release = "2024-revised" }));

        comparison.Changes.ShouldBeEmpty();
        (comparison.Added, comparison.Changed, comparison.Removed, comparison.Unchanged).ShouldBe((0, 0, 0, 2));
    }

    [Fact]
    public void Compare_ValueStatusOrNoteDiffers_IsChangedWithBothRows()
    {
        ObservationRow[] before = [Figure("a", "2023", 10), Figure("b", "2023", 20), Figure("c", "2023", 30)];
        ObservationRow[] after =
        [
            Figure("a", "2023", 11),
            Figure("b", "2023", 20, ObservationStatus.AtLeast),
            Figure("c", "2023", 30, note: "Revised by the Home Office in its correction."),
        ];

        var comparison = ReleaseComparison.Compare(before, after);

        comparison.Changes.Select(c => (c.Kind, c.Key.Place)).ShouldBe(
            [(FigureChangeKind.Changed, "a"), (FigureChangeKind.Changed, "b"), (FigureChangeKind.Changed, "c")]);
        comparison.Changes[0].Before!.Value.ShouldBe(10);
        comparison.Changes[0].After!.Value.ShouldBe(11);
        comparison.Changed.ShouldBe(3);
    }

    [Fact]
    public void Compare_OnlyTheSourceDiffers_IsUnchanged()
    {
        var before = Figure("brook-house", "2023", 715);
        var after = before with { SourceTitle = "Re-issued table", SourceSha256 = new string('b', 64), SourceLocation = "sheet 'Det_D02', row 14, column C" };

        var comparison = ReleaseComparison.Compare([before], [after]);

        comparison.Changes.ShouldBeEmpty();
        comparison.Unchanged.ShouldBe(1);
    }

    [Fact]
    public void Compare_StoredScaleOrAbsentAgainstEmptyNote_IsUnchanged()
    {
        var comparison = ReleaseComparison.Compare([Figure("a", "2023", 12.0000m, note: null)], [Figure("a", "2023", 12m, note: "")]);

        comparison.Unchanged.ShouldBe(1);
    }

    [Fact]
    public void Compare_SuppressedWithoutValueAgainstAValue_IsChanged()
    {
        var comparison = ReleaseComparison.Compare([Figure("a", "2023", null, ObservationStatus.Suppressed)], [Figure("a", "2023", 4)]);

        comparison.Changes.ShouldHaveSingleItem().Kind.ShouldBe(FigureChangeKind.Changed);
    }

    [Fact]
    public void Compare_BreakdownIsPartOfTheKey_SoANewBreakdownIsAdded()
    {
        ObservationRow[] before = [Figure("a", "2023-Q1", 50)];
        ObservationRow[] after = [Figure("a", "2023-Q1", 50), Figure("a", "2023-Q1", 20, breakdown: "reason-for-leaving=returned")];

        var comparison = ReleaseComparison.Compare(before, after);

        var added = comparison.Changes.ShouldHaveSingleItem();
        added.Kind.ShouldBe(FigureChangeKind.Added);
        added.Key.ShouldBe(new FigureKey("force-incidents", "a", "2023-Q1", "reason-for-leaving=returned"));
        added.Before.ShouldBeNull();
        added.Row.ShouldBe(added.After);
        (comparison.Added, comparison.Unchanged).ShouldBe((1, 1));
    }

    [Fact]
    public void Compare_AddedAndRemoved_AreOrderedAsTheReleasesRead()
    {
        ObservationRow[] before = [Figure("a", "2023", 1), Figure("b", "2023", 2), Figure("c", "2023", 3), Figure("d", "2023", 4)];
        ObservationRow[] after = [Figure("x", "2023", 9), Figure("a", "2023", 1), Figure("c", "2023", 30), Figure("e", "2023", 5)];

        var comparison = ReleaseComparison.Compare(before, after);

        comparison.Changes.Select(c => (c.Kind, c.Key.Place)).ShouldBe(
        [
            (FigureChangeKind.Added, "x"),
            (FigureChangeKind.Removed, "b"),
            (FigureChangeKind.Changed, "c"),
            (FigureChangeKind.Removed, "d"),
            (FigureChangeKind.Added, "e"),
        ]);
        (comparison.Added, comparison.Changed, comparison.Removed, comparison.Unchanged).ShouldBe((2, 1, 2, 1));
        comparison.Changes.Single(c => c.Kind == FigureChangeKind.Removed && c.Key.Place == "b").After.ShouldBeNull();
    }

    [Fact]
    public void Compare_RemovedBeforeAnyKeptFigure_ComesFirst()
    {
        var comparison = ReleaseComparison.Compare([Figure("a", "2023", 1), Figure("b", "2023", 2)], [Figure("b", "2023", 2), Figure("c", "2023", 3)]);

        comparison.Changes.Select(c => (c.Kind, c.Key.Place)).ShouldBe([(FigureChangeKind.Removed, "a"), (FigureChangeKind.Added, "c")]);
    }

    [Fact]
    public void Compare_EmptyBefore_IsEveryFigureAdded()
    {
        var comparison = ReleaseComparison.Compare([], [Figure("a", "2023", 1), Figure("b", "2023", 2)]);

        comparison.Added.ShouldBe(2);
        comparison.Changes.Count.ShouldBe(2);
        comparison.Changes.ShouldAllBe(c => c.Kind == FigureChangeKind.Added);
    }

    [Fact]
    public void Compare_AFigureTwiceInOneSet_IsRefusedNamingIt()
    {
        var twice = Figure("brook-house", "2023-Q4", 1);

        var error = Should.Throw<ArgumentException>(() => ReleaseComparison.Compare([twice, twice with { Value = 2 }], []));

        error.ParamName.ShouldBe("before");
        error.Message.ShouldContain("force-incidents at brook-house for 2023-Q4 twice");
    }
}
