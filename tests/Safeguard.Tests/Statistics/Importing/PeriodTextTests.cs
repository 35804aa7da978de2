using Safeguard.Statistics.Importing.Values;

namespace Safeguard.Tests.Statistics.Importing;

public sealed class PeriodTextTests
{
    [Theory]
    [InlineData("2024", "2024")]
    [InlineData(" 2024 ", "2024")]
    [InlineData("2024-Q3", "2024-Q3")]
    [InlineData("Q3 2024", "2024-Q3")]
    [InlineData("q3-2024", "2024-Q3")]
    [InlineData("2024 Q3", "2024-Q3")]
    [InlineData("2024Q3", "2024-Q3")]
    [InlineData("H1 2024", "2024-H1")]
    [InlineData("2024 H2", "2024-H2")]
    [InlineData("March 2024", "2024-03")]
    [InlineData("Sept 2024", "2024-09")]
    [InlineData("Jan-Mar 2024", "2024-Q1")]
    [InlineData("Oct – Dec 2024", "2024-Q4")]
    [InlineData("January to June 2024", "2024-H1")]
    [InlineData("July to December 2024", "2024-H2")]
    [InlineData("January to December 2024", "2024")]
    public void Parse_AutoLabel_GivesThePeriod(string text, string key)
    {
        var (period, error) = PeriodText.Parse(text, PeriodFormat.Auto);

        error.ShouldBeNull();
        period.ShouldNotBeNull().Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("Feb-Apr 2024")]
    [InlineData("Apr-Mar 2024")]
    [InlineData("Jan-Feb 2024")]
    [InlineData("Ju 2024")]
    public void Parse_MonthRangeThatIsNoCalendarPeriod_IsRefused(string text) =>
        PeriodText.Parse(text, PeriodFormat.Auto).Period.ShouldBeNull();

    [Theory]
    [InlineData("last year")]
    [InlineData("2024/25")]
    [InlineData("Q5 2024")]
    [InlineData("")]
    public void Parse_Garbage_IsRefusedSayingWhatIsExpected(string text)
    {
        var (period, error) = PeriodText.Parse(text, PeriodFormat.Auto);

        period.ShouldBeNull();
        var message = error.ShouldNotBeNull();
        message.ShouldContain($"'{text}' is not a period");
        message.ShouldContain("Q3 2024");
        message.ShouldContain("March 2024");
    }

    [Theory]
    [InlineData("2024-03-31", "2024-Q1")]
    [InlineData("2024-06-30", "2024-Q2")]
    [InlineData("2024-09-30", "2024-Q3")]
    [InlineData("2024-12-31", "2024-Q4")]
    [InlineData("31/03/2024", "2024-Q1")]
    [InlineData("30/6/2024", "2024-Q2")]
    [InlineData("2024-03-31T00:00:00", "2024-Q1")]
    [InlineData("31 March 2024", "2024-Q1")]
    public void Parse_QuarterEndDate_GivesThatQuarter(string text, string key)
    {
        var (period, error) = PeriodText.Parse(text, PeriodFormat.QuarterEndDate);

        error.ShouldBeNull();
        period.ShouldNotBeNull().Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("2024-03-30")]
    [InlineData("2024-04-30")]
    [InlineData("2024-01-31")]
    public void Parse_DateNotEndingAQuarter_IsRefused(string text)
    {
        var (period, error) = PeriodText.Parse(text, PeriodFormat.QuarterEndDate);

        period.ShouldBeNull();
        error.ShouldBe($"'{text}' is not the last day of a quarter");
    }

    [Theory]
    [InlineData("2024-Q1")]
    [InlineData("31/13/2024")]
    [InlineData("March 2024")]
    public void Parse_QuarterEndDateThatIsNoDate_IsRefusedWithTheFormsExpected(string text)
    {
        var (period, error) = PeriodText.Parse(text, PeriodFormat.QuarterEndDate);

        period.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("2024-03-31 or 31/03/2024");
    }

    [Theory]
    [InlineData("2024-03-30", "2024-03-30")]
    [InlineData("31/03/2024", "2024-03-31")]
    public void Parse_Date_IsAPointInTime(string text, string key) =>
        PeriodText.Parse(text, PeriodFormat.Date).Period.ShouldNotBeNull().Key.ShouldBe(key);
}
