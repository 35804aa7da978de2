using Safeguard.Foi.Clock;
using Safeguard.Foi.Holidays;

namespace Safeguard.Tests.Foi;

/// <summary>Working days as FOIA s.10(6) defines them, over the shipped GOV.UK feed (2024 to 2027).</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidayFeed.Shipped);

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Covered_ShippedFeed_Is2024To2027()
    {
        Calendar.Covered.Years.ShouldBe([2024, 2025, 2026, 2027]);
        Calendar.Covered.ToString().ShouldBe("2024 to 2027");
    }

    [Theory]
    [InlineData("2025-06-07", "Saturday")]
    [InlineData("2025-06-08", "Sunday")]
    [InlineData("2024-12-25", "Christmas Day")]
    [InlineData("2024-12-26", "Boxing Day")]
    [InlineData("2025-01-01", "New Year’s Day")]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday in England and Wales and Northern Ireland")]
    [InlineData("2025-01-02", "2nd January in Scotland")]
    [InlineData("2027-01-04", "substitute day for 2nd January in Scotland")]
    [InlineData("2025-12-01", "substitute day for St Andrew’s Day in Scotland")]
    [InlineData("2025-08-04", "Summer bank holiday in Scotland")]
    [InlineData("2025-03-17", "St Patrick’s Day in Northern Ireland")]
    [InlineData("2024-03-18", "substitute day for St Patrick’s Day in Northern Ireland")]
    [InlineData("2027-07-12", "Battle of the Boyne (Orangemen’s Day) in Northern Ireland")]
    [InlineData("2025-07-14", "substitute day for Battle of the Boyne (Orangemen’s Day) in Northern Ireland")]
    [InlineData("2026-07-13", "substitute day for Battle of the Boyne (Orangemen’s Day) in Northern Ireland")]
    public void NonWorking_HolidayInAnyPartOfTheUk_IsNotAWorkingDayAndSaysWhy(string date, string reason)
    {
        (Calendar.NonWorking(Day(date)) is null).ShouldBeFalse();
        Calendar.NonWorking(Day(date))!.Reason.ShouldBe(reason);
    }

    [Theory]
    [InlineData("2025-01-03")] // the Friday after the Scottish 2 January
    [InlineData("2025-04-22")] // the Tuesday after Easter Monday
    [InlineData("2025-11-28")] // the Friday before the St Andrew's Day substitute
    [InlineData("2025-12-02")]
    [InlineData("2025-07-11")] // the Friday before 12 July 2025, a Saturday
    [InlineData("2025-12-24")] // Christmas Eve is a working day
    [InlineData("2025-12-29")]
    public void NonWorking_OrdinaryWeekday_IsNull(string date) => (Calendar.NonWorking(Day(date)) is null).ShouldBeTrue();

    [Fact]
    public void NonWorking_ChristmasDayAndGoodFridayMissingFromTheFeed_AreStillNotWorkingDays()
    {
        var without = new WorkingDayCalendar(BankHolidayFeed.Shipped.Where(h => h.Title is not ("Christmas Day" or "Good Friday")));
        without.NonWorking(Day("2025-12-25"))!.Reason.ShouldBe("Christmas Day");
        without.NonWorking(Day("2026-04-03"))!.Reason.ShouldBe("Good Friday");
        (without.NonWorking(Day("2026-04-02")) is null).ShouldBeTrue();
    }

    [Fact]
    public void NonWorking_OutsideCoveredYears_RefusesAndSaysHowToFixIt()
    {
        var refused = Should.Throw<OutsideCoveredYearsException>(() => Calendar.NonWorking(Day("2028-01-05")));
        refused.Message.ShouldBe("Bank holidays are known for 2024 to 2027; 2028-01-05 is outside them: import a newer GOV.UK feed with 'foi holidays import'.");
        Should.Throw<OutsideCoveredYearsException>(() => Calendar.NonWorking(Day("2023-12-31")));
    }

    [Fact]
    public void Covered_YearMissingFromOneDivision_IsNotCovered()
    {
        var noScotland2027 = new WorkingDayCalendar(BankHolidayFeed.Shipped.Where(h => !(h.Division == UkDivision.Scotland && h.Date.Year == 2027)));
        noScotland2027.Covered.ToString().ShouldBe("2024 to 2026");
    }

    [Fact]
    public void Covered_YearListedOnlyInPart_IsNotCovered()
    {
        // A feed cut short after the spring: 2027 has no December holidays, so its autumn would be a guess.
        var cutShort = new WorkingDayCalendar(BankHolidayFeed.Shipped.Where(h => h.Date < new DateOnly(2027, 6, 1)));
        cutShort.Covered.ToString().ShouldBe("2024 to 2026");
    }

    [Fact]
    public void Covered_YearsWithAGap_AreWrittenAsRuns()
    {
        new CoveredYears([2018, 2019, 2021, 2024, 2025, 2026]).ToString().ShouldBe("2018 to 2019, 2021 and 2024 to 2026");
        new CoveredYears([]).ToString().ShouldBe("no years");
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2038, "2038-04-25")] // as late as it gets in this century
    [InlineData(2285, "2285-03-22")] // as early as it can be
    [InlineData(1818, "1818-03-22")]
    [InlineData(1943, "1943-04-25")]
    public void EasterSunday_KnownYears_MatchesTheChurchCalendar(int year, string sunday) =>
        Easter.Sunday(year).ShouldBe(Day(sunday));

    [Fact]
    public void GoodFriday_EveryShippedYear_MatchesTheFeed()
    {
        var listed = BankHolidayFeed.Shipped.Where(h => h.Title == "Good Friday" && h.Division == UkDivision.EnglandAndWales).Select(h => h.Date);
        listed.ShouldBe([Easter.GoodFriday(2024), Easter.GoodFriday(2025), Easter.GoodFriday(2026), Easter.GoodFriday(2027)]);
    }
}
