using FsCheck;
using FsCheck.Fluent;
using Safeguard.Casework.Cohorts;

namespace Safeguard.Tests.Casework;

/// <summary>What a researcher can see of a cohort: nothing that singles out fewer than five people.</summary>
public sealed class SmallNumberSuppressionTests
{
    private static readonly SmallNumberSuppression Default = new(SmallNumberSuppression.DefaultThreshold);

    [Fact]
    public void Apply_CohortOfFour_RevealsNothing()
    {
        var shown = Default.Apply(4, [new("Released", 4), new("Torture survivors", 3), new("Suicidal thoughts", 0)]);

        shown.Size.ShouldBeNull("the size of a cohort of 4 is itself a small number");
        shown.Counts.Count.ShouldBe(3);
        shown.Counts.ShouldAllBe(c => c.Count == null && c.Percentage == null);
        shown.SuppressedText.ShouldBe("fewer than 5");
    }

    [Fact]
    public void Apply_RwandaCohort_ShowsTheSeedsFigures()
    {
        // The seed: 48 clients, 82% torture survivors, 78% with suicidal thoughts, all released.
        var shown = Default.Apply(48, [new("Torture survivors", 39), new("Suicidal thoughts", 37), new("Released", 48)]);

        shown.Size.ShouldBe(48);
        shown.Counts.ShouldBe([new("Torture survivors", 39, 81), new("Suicidal thoughts", 37, 77), new("Released", 48, 100)]);
    }

    [Fact]
    public void Apply_SmallCount_IsSuppressedWithItsPercentage()
    {
        var shown = Default.Apply(73, [new("Removed", 3), new("Released", 66)]);

        shown.Counts[0].ShouldBe(new ShownCount("Removed", null, null));
        shown.Counts[1].ShouldBe(new ShownCount("Released", 66, 90));
    }

    [Fact]
    public void Apply_CountWhoseComplementIsSmall_IsSuppressedSoTheSmallNumberCannotBeFoundBySubtraction()
    {
        // 43 of 45 released would reveal the 2 who were not.
        var shown = Default.Apply(45, [new("Released", 43)]);

        shown.Size.ShouldBe(45);
        shown.Counts.Single().Suppressed.ShouldBeTrue();
        shown.Counts.Single().Reason.ShouldBe(HeldBack.Complement);
        shown.Why(HeldBack.Complement).ShouldBe("held back so that a small group cannot be worked out from the others");
        shown.Why(HeldBack.Complement).ShouldNotContain("fewer than", Case.Sensitive, "43 is not fewer than 5");
    }

    [Fact]
    public void Apply_SmallCount_IsHeldBackAsFewerThanTheThreshold()
    {
        var shown = Default.Apply(45, [new("Released", 2)]);

        shown.Counts.Single().Reason.ShouldBe(HeldBack.SmallNumber);
        shown.Why(HeldBack.SmallNumber).ShouldBe("held back: fewer than 5");
    }

    [Fact]
    public void Apply_EmptyCohort_ShowsItsZerosWithoutPercentages()
    {
        var shown = Default.Apply(0, [new("Released", 0)]);

        shown.Size.ShouldBe(0);
        shown.Counts.ShouldBe([new ShownCount("Released", 0, null)]);
    }

    [Fact]
    public void Apply_NoneAndAll_AreShown()
    {
        var shown = Default.Apply(20, [new("Lost contact", 0), new("Seen by a clinician", 20)]);
        shown.Counts.ShouldBe([new("Lost contact", 0, 0), new("Seen by a clinician", 20, 100)]);
    }

    [Fact]
    public void Apply_ConfiguredThreshold_IsUsed()
    {
        var shown = new SmallNumberSuppression(10).Apply(30, [new("Released", 9), new("Torture survivors", 15)]);
        shown.Counts.Select(c => c.Suppressed).ShouldBe([true, false]);
        shown.SuppressedText.ShouldBe("fewer than 10");
    }

    [Fact]
    public void Apply_CountLargerThanCohort_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Default.Apply(10, [new("Released", 11)])).Message.ShouldContain("'Released' counts 11 people in a cohort of 10");

    private static Arbitrary<(int Size, int Count)> Cohorts { get; } =
        Gen.Choose(0, 200).SelectMany(size => Gen.Choose(0, size).Select(count => (size, count))).ToArbitrary();

    [FsCheck.Xunit.Property]
    public Property Apply_AnyCohort_NeitherShownNumberNorItsDifferenceFromTheShownSizeIsSmall() =>
        Prop.ForAll(Cohorts, cohort =>
        {
            var shown = Default.Apply(cohort.Size, [new("Released", cohort.Count)]);
            bool small(int n) => n is > 0 and < SmallNumberSuppression.DefaultThreshold;
            var count = shown.Counts.Single().Count;
            return (shown.Size is null || !small(shown.Size.Value))
                && (count is null || (!small(count.Value) && shown.Size is { } size && !small(size - count.Value)));
        });
}
