using Safeguard.Platform.Web.Forms;

namespace Safeguard.Tests.Platform.Web.Forms;

/// <summary>Dates as every form reads them: a typing slip in the year is refused with what to fix, not stored.</summary>
public sealed class FormDatesTests
{
    [Theory]
    [InlineData("14/08/2026", 2026, 8, 14)]
    [InlineData(" 2026-08-14 ", 2026, 8, 14)]
    [InlineData("1/1/1900", 1900, 1, 1)]
    public void Read_ADayMonthYearOrIsoDate_IsThatDate(string text, int year, int month, int day)
    {
        FormDates.Read(text, "the date received", out var error).ShouldBe(new DateOnly(year, month, day));
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("14/08/9999", "The date received must be in a year from 1900 to 2100")]
    [InlineData("31/12/1899", "The date received must be in a year from 1900 to 2100")]
    [InlineData("14/08/20226", "Enter the date received as day/month/year, for example 14/08/2026")]
    [InlineData("31/02/2026", "Enter the date received as day/month/year, for example 14/08/2026")]
    public void Read_NotADateTheFormsAccept_SaysWhatToFix(string text, string message)
    {
        FormDates.Read(text, "the date received", out var error).ShouldBeNull();
        error.ShouldBe(message);
    }

    [Theory]
    [InlineData("14/08/2026", "14/08/2026")]
    [InlineData(" 2026-08-14 ", "14/08/2026")]
    [InlineData("14/08/9999", null)]
    [InlineData("31/02/2026", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_WhatReadAccepts_IsThatDateAnythingElseNone(string? text, string? date) =>
        FormDates.Parse(text).ShouldBe(date is null ? null : DateOnly.ParseExact(date, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void ReadPast_TodayOrBefore_IsThatDateAfterTodaySaysSo()
    {
        var today = new DateOnly(2026, 11, 10);

        FormDates.ReadPast("10/11/2026", "the day they left", today, out var error).ShouldBe(today);
        error.ShouldBeNull();
        FormDates.ReadPast("11/11/2026", "the day they left", today, out error).ShouldBeNull();
        error.ShouldBe("The day they left must be today or in the past");
        FormDates.ReadPast("11/13/2026", "the day they left", today, out error).ShouldBeNull();
        error.ShouldBe("Enter the day they left as day/month/year, for example 14/08/2026");
    }

    [Fact]
    public void Show_ADay_IsWrittenAsEveryPageWritesIt()
    {
        FormDates.Show(new DateOnly(2026, 12, 7)).ShouldBe("7 December 2026");
        FormDates.Show(default(DateOnly?)).ShouldBe("");
    }

    [Fact]
    public void Show_AMomentInUtc_IsItsDayInUtc()
    {
        FormDates.Show(new DateTime(2026, 12, 7, 23, 59, 0, DateTimeKind.Utc)).ShouldBe("7 December 2026");
        FormDates.Show(new DateTimeOffset(2026, 7, 8, 0, 30, 0, TimeSpan.FromHours(1)).UtcDateTime).ShouldBe("7 July 2026", "half past midnight in British summer time is still the 7th in UTC");
        FormDates.Show(default(DateTime?)).ShouldBe("");
    }

    [Fact]
    public void ShowTime_AMomentInUtc_IsItsDayAtItsMinuteInUtc()
    {
        FormDates.ShowTime(new DateTime(2026, 12, 7, 14, 3, 59, DateTimeKind.Utc)).ShouldBe("7 December 2026 at 14:03 UTC");
        FormDates.ShowTime(new DateTime(2026, 1, 2, 9, 5, 0, DateTimeKind.Utc)).ShouldBe("2 January 2026 at 09:05 UTC");
        FormDates.ShowTime(new DateTimeOffset(2026, 7, 8, 0, 30, 0, TimeSpan.FromHours(1)).UtcDateTime).ShouldBe("7 July 2026 at 23:30 UTC");
        FormDates.ShowTime(null).ShouldBe("");
    }

    [Fact]
    public void Value_ADay_IsWrittenAsStaffTypeItAndReadsBack()
    {
        var day = new DateOnly(2026, 7, 1);
        FormDates.Value(day).ShouldBe("1/7/2026");
        FormDates.Read(FormDates.Value(day)!, "the day", out _).ShouldBe(day);
    }
}
