using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Safeguard.Casework.Clocks;

namespace Safeguard.Tests.Casework;

/// <summary>The case clocks: computed from the dates of a case, with the edge dates that trip up hand counting.</summary>
public sealed class CaseClocksTests
{
    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    private static DetentionSpell Spell(string from, string? to) => new(Day(from), to is null ? null : Day(to));

    private static CaseDates Dates(DetentionSpell[] detention, string? mlrServed = null, string? decision = null, SecondOpinionWait[]? opinions = null, string? released = null) =>
        new(detention, mlrServed is null ? null : Day(mlrServed), decision is null ? null : Day(decision), opinions ?? [], released is null ? null : Day(released));

    [Theory]
    [InlineData("2024-03-01", "2024-03-04", 3)]
    [InlineData("2024-03-01", "2024-03-01", 0)]
    // Across 29 February in a leap year, and across the end of the year.
    [InlineData("2024-02-28", "2024-03-01", 2)]
    [InlineData("2023-02-28", "2023-03-01", 1)]
    [InlineData("2024-12-30", "2025-01-02", 3)]
    public void DaysDetained_OneEndedSpell_IsElapsedDays(string from, string to, int days) =>
        CaseClocks.DaysDetained([Spell(from, to)], Day("2026-01-01")).ShouldBe(new DayCount(days, Running: false));

    [Fact]
    public void DaysDetained_TransferOnTheSameDay_CountsTheDayOnce()
    {
        // Colnbrook from 1 to 10 March, transferred to Brook House on 10 March, released 20 March: 19 days.
        var spells = new[] { Spell("2024-03-10", "2024-03-20"), Spell("2024-03-01", "2024-03-10") };
        CaseClocks.DaysDetained(spells, Day("2026-01-01")).ShouldBe(new DayCount(19, false));
    }

    [Fact]
    public void DaysDetained_OverlappingAndSeparateSpells_CountsTheirUnion()
    {
        var spells = new[] { Spell("2024-01-01", "2024-01-11"), Spell("2024-01-05", "2024-01-08"), Spell("2024-06-01", "2024-06-03") };
        CaseClocks.DaysDetained(spells, Day("2026-01-01")).ShouldBe(new DayCount(12, false));
    }

    [Fact]
    public void DaysDetained_StillDetained_RunsToToday()
    {
        var reading = CaseClocks.DaysDetained([Spell("2024-01-01", "2024-01-11"), Spell("2025-12-25", null)], Day("2026-01-04"));
        reading.ShouldBe(new DayCount(20, Running: true));
        reading!.Value.ToString().ShouldBe("20 days so far");
    }

    [Fact]
    public void DaysDetained_NoSpells_IsUnknownNotZero() => CaseClocks.DaysDetained([], Day("2026-01-01")).ShouldBeNull();

    [Fact]
    public void Read_ReportServedAndDecided_CountsEachClock()
    {
        var reading = CaseClocks.Read(
            Dates([Spell("2024-01-10", "2024-04-02")], mlrServed: "2024-02-01", decision: "2024-03-15",
                opinions: [new(Day("2024-02-10"), Day("2024-03-12")), new(Day("2024-02-05"), Day("2024-02-06"))], released: "2024-04-02"),
            Day("2026-11-24"));

        reading.Detained.ShouldBe(new DayCount(83, false));
        reading.MlrToDecision.ShouldBe(new DayCount(43, false));
        reading.SecondOpinions.ShouldBe([new DayCount(1, false), new DayCount(31, false)]);
        reading.MlrToRelease.ShouldBe(new DayCount(61, false));
        reading.DetentionEnded.ShouldBe(Day("2024-04-02"));
        reading.LimitationDeadline.ShouldBe(Day("2030-04-02"));
    }

    [Fact]
    public void Read_AwaitingDecisionWhileDetained_ClocksRunToToday()
    {
        var reading = CaseClocks.Read(
            Dates([Spell("2026-10-01", null)], mlrServed: "2026-11-02", opinions: [new(Day("2026-11-10"), null)]),
            Day("2026-11-24"));

        reading.Detained.ShouldBe(new DayCount(54, true));
        reading.MlrToDecision.ShouldBe(new DayCount(22, true));
        reading.SecondOpinions.ShouldBe([new DayCount(14, true)]);
        reading.MlrToRelease.ShouldBe(new DayCount(22, true));
        reading.DetentionEnded.ShouldBeNull();
        reading.LimitationDeadline.ShouldBeNull("no claim clock starts until detention ends");
    }

    [Fact]
    public void Read_RemovedNotReleased_HasNoReportToReleaseClock()
    {
        var reading = CaseClocks.Read(Dates([Spell("2024-01-10", "2024-02-20")], mlrServed: "2024-02-01", decision: "2024-02-10"), Day("2026-11-24"));
        reading.MlrToRelease.ShouldBeNull();
        reading.LimitationDeadline.ShouldBe(Day("2030-02-20"));
    }

    [Fact]
    public void Read_NoReport_HasNoReportClocks()
    {
        var reading = CaseClocks.Read(Dates([Spell("2024-01-10", "2024-02-20")], released: "2024-02-20"), Day("2026-11-24"));
        reading.MlrToDecision.ShouldBeNull();
        reading.MlrToRelease.ShouldBeNull();
        reading.SecondOpinions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2020-03-15", "2026-03-15")]
    // 29 February has no match six years on: the earlier date, 28 February, so the deadline is never shown late.
    [InlineData("2020-02-29", "2026-02-28")]
    // ... unless the year has one.
    [InlineData("2018-02-28", "2024-02-28")]
    [InlineData("2019-12-31", "2025-12-31")]
    public void LimitationDeadline_IsTheSameDateSixYearsOn(string ended, string deadline) =>
        CaseClocks.LimitationDeadline(Day(ended)).ShouldBe(Day(deadline));

    [Theory]
    [InlineData("2026-11-24", true)]
    [InlineData("2027-11-24", true)]
    [InlineData("2027-11-25", false)]
    [InlineData("2026-11-23", false)]
    public void FallsDueWithinYear_FromTodayToTwelveMonthsOn(string deadline, bool due) =>
        CaseClocks.FallsDueWithinYear(Day(deadline), Day("2026-11-24")).ShouldBe(due);

    private static Arbitrary<DetentionSpell[]> Spells { get; } =
        Gen.Choose(0, 3000).SelectMany(start => Gen.Choose(0, 400).Select(length => new DetentionSpell(new DateOnly(2015, 1, 1).AddDays(start), new DateOnly(2015, 1, 1).AddDays(start + length))))
            .ArrayOf().Where(spells => spells.Length > 0).ToArbitrary();

    [FsCheck.Xunit.Property]
    public Property DaysDetained_AnySpells_EqualsTheNumberOfDistinctNightsHeld() =>
        Prop.ForAll(Spells, spells =>
        {
            // Each spell holds the nights from its first day up to (not including) its last; count them as a set.
            var nights = spells.SelectMany(s => Enumerable.Range(s.From.DayNumber, s.To!.Value.DayNumber - s.From.DayNumber)).ToHashSet();
            return CaseClocks.DaysDetained(spells, new DateOnly(2030, 1, 1))!.Value.Days == nights.Count;
        });

    [FsCheck.Xunit.Property]
    public Property DaysDetained_AnySpells_NoMoreThanFirstToLastDay() =>
        Prop.ForAll(Spells, spells =>
            CaseClocks.DaysDetained(spells, new DateOnly(2030, 1, 1))!.Value.Days <= spells.Max(s => s.To!.Value).DayNumber - spells.Min(s => s.From).DayNumber);
}
