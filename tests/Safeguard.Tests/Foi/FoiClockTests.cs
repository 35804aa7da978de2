using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Holidays;

namespace Safeguard.Tests.Foi;

/// <summary>The s.10 clock: the Nth working day after the day of receipt, over the shipped feed.</summary>
public sealed class FoiClockTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidayFeed.Shipped);
    private static readonly FoiClock Clock = new(Calendar);

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    // Christmas and New Year: 25, 26 Dec, 1 Jan and the Scottish 2 Jan are not counted.
    [InlineData("2024-12-20", 20, "2025-01-23")]
    [InlineData("2025-12-19", 20, "2026-01-22")]
    // Across the Scottish 2 January alone: England's count would end a day earlier, on 29 January.
    [InlineData("2024-12-31", 20, "2025-01-30")]
    // Easter: Good Friday and Easter Monday, then the early May bank holiday.
    [InlineData("2025-04-10", 20, "2025-05-13")]
    [InlineData("2025-04-17", 1, "2025-04-22")]
    // St Andrew's Day 2025 is a Sunday; its substitute, Monday 1 December, is a Scottish bank holiday.
    [InlineData("2025-11-28", 1, "2025-12-02")]
    // St Patrick's Day (a Monday in 2025; a Sunday in 2024, so Monday 18 March instead).
    [InlineData("2025-03-14", 1, "2025-03-18")]
    [InlineData("2024-03-15", 1, "2024-03-19")]
    // 12 July: a Friday in 2024; a Saturday in 2025 and a Sunday in 2026, so the Monday after.
    [InlineData("2024-07-11", 1, "2024-07-15")]
    [InlineData("2025-07-11", 1, "2025-07-15")]
    [InlineData("2026-07-10", 1, "2026-07-14")]
    // Weekends.
    [InlineData("2025-06-06", 1, "2025-06-09")]
    [InlineData("2025-06-02", 5, "2025-06-09")]
    [InlineData("2025-06-02", 20, "2025-06-30")]
    // Internal review at most 40; a public-interest extension of 20 further.
    [InlineData("2025-01-02", 40, "2025-02-27")]
    public void Due_KnownDates_IsTheNthWorkingDayAfterReceipt(string received, int days, string due) =>
        Clock.Due(Day(received), days).Due.ShouldBe(Day(due));

    [Theory]
    [InlineData("2025-01-04")] // Saturday
    [InlineData("2025-01-05")] // Sunday
    [InlineData("2025-01-03")] // the Friday before: a working day, with the same day one
    public void Due_ReceivedOnNonWorkingDay_DayOneIsTheNextWorkingDay(string received)
    {
        var deadline = Clock.Due(Day(received));
        deadline.DayOne.ShouldBe(Day("2025-01-06"));
        deadline.Due.ShouldBe(Day("2025-01-31"));
    }

    [Fact]
    public void Due_ReceivedOnBankHoliday_ItIsStillTheDayOfReceipt()
    {
        var deadline = Clock.Due(Day("2025-05-05"));
        deadline.ReceivedOnNonWorkingDay!.Reason.ShouldBe("Early May bank holiday");
        deadline.DayOne.ShouldBe(Day("2025-05-06"));
        deadline.Due.ShouldBe(Clock.Due(Day("2025-05-02")).Due);
    }

    [Fact]
    public void Explain_OrdinaryReceipt_SaysTheDateAndTheCount() =>
        Clock.Due(Day("2025-06-02")).Explain().ShouldBe("Due on Monday 30 June 2025: the 20th working day after Monday 2 June 2025, the day of receipt.");

    [Fact]
    public void Explain_AcrossChristmas_NamesTheHolidaysNotCounted() =>
        Clock.Due(Day("2024-12-20")).Explain().ShouldBe(
            "Due on Thursday 23 January 2025: the 20th working day after Friday 20 December 2024, the day of receipt. "
            + "Not counted: Wednesday 25 December 2024 (Christmas Day), Thursday 26 December 2024 (Boxing Day), "
            + "Wednesday 1 January 2025 (New Year’s Day), Thursday 2 January 2025 (2nd January in Scotland).");

    [Fact]
    public void Explain_ReceivedOnSaturday_SaysDayOneIsTheNextWorkingDay() =>
        Clock.Due(Day("2025-01-04")).Explain().ShouldBe(
            "Due on Friday 31 January 2025: the 20th working day after Saturday 4 January 2025, the day of receipt. "
            + "That day is not a working day (Saturday), but it is still the day of receipt: day one is the next working day, Monday 6 January 2025.");

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(20, "20th")]
    [InlineData(21, "21st")]
    [InlineData(40, "40th")]
    [InlineData(112, "112th")]
    public void Ordinal_Numbers_HaveTheirEnglishSuffix(int number, string text) => FoiDeadline.Ordinal(number).ShouldBe(text);

    [Fact]
    public void Due_ReceivedOutsideCoveredYears_Refuses() =>
        Should.Throw<OutsideCoveredYearsException>(() => Clock.Due(Day("2023-12-29"))).Date.ShouldBe(Day("2023-12-29"));

    [Fact]
    public void Due_CountRunningPastCoveredYears_RefusesNamingTheFirstUnknownDay()
    {
        var refused = Should.Throw<OutsideCoveredYearsException>(() => Clock.Due(Day("2027-12-20")));
        refused.Date.ShouldBe(Day("2028-01-01"));
        refused.Message.ShouldContain("Bank holidays are known for 2024 to 2027; 2028-01-01 is outside them");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(FoiClock.MostWorkingDays + 1)]
    public void Due_DaysOutOfRange_Throws(int days) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Clock.Due(Day("2025-01-02"), days));

    // Receipt dates from 2024-01-01 to 2027-10-31, with up to 40 working days, stay inside the shipped years.
    private static Arbitrary<DateOnly> Received { get; } = Gen.Choose(0, 1399).Select(offset => new DateOnly(2024, 1, 1).AddDays(offset)).ToArbitrary();

    private static Arbitrary<int> Days { get; } = Gen.Choose(1, 40).ToArbitrary();

    [FsCheck.Xunit.Property]
    public Property Due_AnyReceiptAndCount_IsAWorkingDay() =>
        Prop.ForAll(Received, Days, (received, days) => Calendar.NonWorking(Clock.Due(received, days).Due) is null);

    [FsCheck.Xunit.Property]
    public Property Due_AnyReceiptAndCount_HasExactlyNWorkingDaysAfterReceiptUpToAndIncludingIt() =>
        Prop.ForAll(Received, Days, (received, days) =>
        {
            var due = Clock.Due(received, days).Due;
            var between = Enumerable.Range(1, due.DayNumber - received.DayNumber).Select(received.AddDays).Count(d => Calendar.NonWorking(d) is null);
            return due > received && between == days;
        });

    [FsCheck.Xunit.Property]
    public Property Due_LaterReceipt_IsNeverEarlier() =>
        Prop.ForAll(Received, Received, Days, (a, b, days) =>
        {
            var (earlier, later) = a <= b ? (a, b) : (b, a);
            return Clock.Due(earlier, days).Due <= Clock.Due(later, days).Due;
        });

    [FsCheck.Xunit.Property]
    public Property Due_OneMoreDay_IsTheNextWorkingDayAfterTheDeadline() =>
        Prop.ForAll(Received, Days, (received, days) =>
        {
            var due = Clock.Due(received, days).Due;
            return Clock.Due(received, days + 1).Due == Calendar.AddWorkingDays(due, 1).Date;
        });
}
