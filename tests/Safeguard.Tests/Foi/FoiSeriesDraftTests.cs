using Safeguard.Foi.Requests;

namespace Safeguard.Tests.Foi;

/// <summary>The next request of a series: dates and periods written in words move on; nothing else does.</summary>
public sealed class FoiSeriesDraftTests
{
    [Theory]
    [InlineData("Rule 35 reports, January to June 2026", 6, "Rule 35 reports, July to December 2026")]
    [InlineData("Rule 35 reports, July to December 2026", 6, "Rule 35 reports, January to June 2027")]
    [InlineData("ACDTs opened, Jan–Jun 2026", 6, "ACDTs opened, Jul–Dec 2026")]
    [InlineData("between 1 January and 30 June 2026", 6, "between 1 July and 31 December 2026")]
    [InlineData("from 1 July 2025 to 31 December 2025", 6, "from 1 January 2026 to 30 June 2026")]
    [InlineData("as at 30/06/2026 and 2026-06-30", 6, "as at 31/12/2026 and 2026-12-31")]
    [InlineData("figures for June 2026", 12, "figures for June 2027")]
    [InlineData("H1 2026, 2026-H2 and the first half of 2026", 6, "H2 2026, 2027-H1 and the second half of 2026")]
    [InlineData("Q4 2025 and 2026 Q1", 3, "Q1 2026 and 2026 Q2")]
    [InlineData("November to April 2026", 6, "May to October 2026")]
    [InlineData("under the Detention Centre Rules 2001, rule 35(3)", 6, "under the Detention Centre Rules 2001, rule 35(3)")]
    [InlineData("H1 2026 moves only by half-years", 3, "H1 2026 moves only by half-years")]
    [InlineData("31/02/2026 is not a date", 6, "31/02/2026 is not a date")]
    public void MovePeriodWords_MovesDatesAndPeriods_LeavesOtherWords(string text, int months, string expected) =>
        FoiSeriesDraft.MovePeriodWords(text, months).ShouldBe(expected);

    [Fact]
    public void Next_CopiesTheLastRequest_WithThePeriodMovedOnAndNoDates()
    {
        var last = new FoiRequest
        {
            Reference = "MJ-FOI-2026-014",
            Authority = "Home Office",
            Subject = "Rule 35 reports by centre, January to June 2026",
            Text = "Please give the number of Rule 35 reports completed at each centre between 1 January and 30 June 2026.",
            Channel = FoiChannel.WhatDoTheyKnow,
            SentOn = new DateOnly(2026, 7, 1),
            Outcome = FoiOutcome.AnsweredInFull,
            SeriesId = 3,
            PeriodStart = new DateOnly(2026, 1, 1),
            PeriodEnd = new DateOnly(2026, 6, 30),
        };
        var next = FoiSeriesDraft.Next(last, 6, "MJ-FOI-2026-015");
        next.Subject.ShouldBe("Rule 35 reports by centre, July to December 2026");
        next.Text.ShouldEndWith("between 1 July and 31 December 2026.");
        (next.PeriodStart, next.PeriodEnd).ShouldBe((new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31)));
        (next.Channel, next.SeriesId, next.Authority).ShouldBe((FoiChannel.WhatDoTheyKnow, 3, "Home Office"));
        (next.SentOn, next.Outcome).ShouldBe((null, null));
    }

    [Theory]
    [InlineData("MJ-FOI-2026-014", new[] { "MJ-FOI-2026-014" }, "MJ-FOI-2026-015")]
    [InlineData("MJ-FOI-2026-014", new[] { "MJ-FOI-2026-014", "MJ-FOI-2026-020" }, "MJ-FOI-2026-021")]
    [InlineData("R35-9", new[] { "R35-9" }, "R35-10")]
    [InlineData("MJ-FOI-014", new[] { "MJ-FOI-014", "MJ-FOI-12345678901234567890", "MJ-FOI-٠١٢" }, "MJ-FOI-015")]
    public void NextReference_IsTheNextFreeNumber(string last, string[] inUse, string expected) =>
        FoiSeriesDraft.NextReference(last, inUse).ShouldBe(expected);

    [Fact]
    public void NextReference_WithoutANumber_IsLeftToThePerson() => FoiSeriesDraft.NextReference("MJ-RULE-THIRTY-FIVE", ["MJ-RULE-THIRTY-FIVE"]).ShouldBeNull();

    [Theory]
    [InlineData("Use of force, December 9999", "Use of force, December 9999")]
    [InlineData("answers of 31/12/9999 and 2026-01-31", "answers of 31/12/9999 and 2026-07-31")]
    [InlineData("Q4 0000, then Q1 2026", "Q4 0000, then Q3 2026")]
    public void MovePeriodWords_AYearNoFormAccepts_IsLeftAsWritten(string text, string expected) =>
        FoiSeriesDraft.MovePeriodWords(text, 6).ShouldBe(expected);

    [Fact]
    public void NextReference_WithANumberTooLongToCount_IsLeftToThePerson() =>
        FoiSeriesDraft.NextReference("MJ-12345678901234567890", ["MJ-12345678901234567890"]).ShouldBeNull();
}
