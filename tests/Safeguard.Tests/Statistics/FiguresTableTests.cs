using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Portal;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics;

public sealed class FiguresTableTests
{
    private static PeriodChange Change(Figure previous, Figure current) => new(Period.Year(2024), Period.Year(2023), current, previous);

    [Fact]
    public void Describe_Rise_GivesSizeAndPercentWithPreviousPeriod() =>
        FiguresTable.Describe(Change(Figure.Exact(600), Figure.Exact(715)), "incidents").ShouldBe("up 115 (19.2%) on 2023");

    [Fact]
    public void Describe_Fall_SaysDown() =>
        FiguresTable.Describe(Change(Figure.Exact(200), Figure.Exact(150)), "incidents").ShouldBe("down 50 (25%) on 2023");

    [Fact]
    public void Describe_Unchanged_SaysNoChange() =>
        FiguresTable.Describe(Change(Figure.Exact(34), Figure.Exact(34)), "incidents").ShouldBe("no change on 2023");

    [Fact]
    public void Describe_FallFromALowerBound_IsAtMostThatFall()
    {
        // previous at least 1,340, now exactly 1,000: the fall is at least 340 in truth, i.e. the change is at most -340.
        FiguresTable.Describe(Change(new Figure(1340, ObservationStatus.AtLeast), Figure.Exact(1000)), "incidents")
            .ShouldBe("down at least 340 (at least 25.4%) on 2023");
    }

    [Fact]
    public void Describe_SuppressedInput_SaysNotAvailableNeverZero() =>
        FiguresTable.Describe(Change(Figure.Missing(ObservationStatus.Suppressed), Figure.Exact(5)), "incidents").ShouldBe("not available (suppressed)");

    [Fact]
    public void Describe_CostPerDay_GivesTheDifferenceInPoundsAndPence() =>
        FiguresTable.Describe(Change(Figure.Exact(96.16m), Figure.Exact(101.61m)), FigureText.Pounds).ShouldBe("up £5.45 (5.7%) on 2023");
}
