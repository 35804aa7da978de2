using Safeguard.Foi.Clock;
using Safeguard.Foi.Holidays;
using Safeguard.Foi.Requests;

namespace Safeguard.Tests.Foi;

/// <summary>Where a request stands, and the deadlines it waits on, computed from its dates against the shipped GOV.UK feed (2024 to 2027).</summary>
public sealed class FoiRequestStatusTests
{
    private static readonly WorkingDayCalendar Calendar = new(BankHolidayFeed.Shipped);

    private static FoiRequest Sent(DateOnly? on) => new()
    {
        Reference = "TEST-1",
        Authority = "Home Office",
        Subject = "Rule 35 reports",
        Text = "",
        SentOn = on,
        ReceivedOn = on,
    };

    private static FoiRequestStatus On(FoiRequest request, DateOnly today) => FoiRequestStatus.On(request, today, Calendar);

    [Fact]
    public void NotSent_IsADraft() => On(Sent(null), new DateOnly(2025, 1, 10)).State.ShouldBe(FoiState.Draft);

    [Fact]
    public void ReceivedOn2January_IsAwaitingUntil30January_ThenOverdueByWorkingDays()
    {
        // 20 working days after 2 January 2025, with 2 January itself a bank holiday in Scotland not counted after it.
        var request = Sent(new DateOnly(2025, 1, 2));

        var before = On(request, new DateOnly(2025, 1, 30));
        before.State.ShouldBe(FoiState.AwaitingResponse);
        before.Due.ShouldBe(new DateOnly(2025, 1, 30));

        var after = On(request, new DateOnly(2025, 2, 3));
        after.State.ShouldBe(FoiState.Overdue);
        after.WorkingDaysLate.ShouldBe(2, "31 January and 3 February");
    }

    [Fact]
    public void BeyondFortyWorkingDays_IsVeryOverdue()
    {
        var request = Sent(new DateOnly(2025, 1, 2));
        On(request, new DateOnly(2025, 2, 27)).State.ShouldBe(FoiState.Overdue, "40 working days after receipt");
        On(request, new DateOnly(2025, 2, 28)).State.ShouldBe(FoiState.VeryOverdue);
    }

    [Fact]
    public void AnExtension_MovesTheDeadline_AndBeyondTwentyFurtherWorkingDaysIsFlagged()
    {
        var request = Sent(new DateOnly(2025, 1, 2));
        request.ExtendedTo = new DateOnly(2025, 2, 20);

        var status = On(request, new DateOnly(2025, 2, 10));
        status.State.ShouldBe(FoiState.Extended);
        status.Due.ShouldBe(new DateOnly(2025, 2, 20));
        status.Warnings.ShouldBeEmpty("20 February is 15 working days after 30 January");

        request.ExtendedTo = new DateOnly(2025, 3, 31);
        On(request, new DateOnly(2025, 2, 10)).Warnings.ShouldHaveSingleItem().ShouldContain("beyond the Commissioner's guidance");
    }

    [Fact]
    public void ARefusalThenAReview_IsInReview_DueTwentyWorkingDaysAfterItWasAsked()
    {
        var request = Sent(new DateOnly(2025, 1, 2));
        request.Outcome = FoiOutcome.Refused;
        request.Exemptions = "s.31; s.40(2)";
        request.AnsweredOn = new DateOnly(2025, 1, 28);
        On(request, new DateOnly(2025, 2, 3)).State.ShouldBe(FoiState.Refused);

        request.ReviewRequestedOn = new DateOnly(2025, 2, 3);
        var review = On(request, new DateOnly(2025, 3, 10));
        review.State.ShouldBe(FoiState.InInternalReview);
        review.Due.ShouldBe(new DateOnly(2025, 3, 3));
        review.WorkingDaysLate.ShouldBe(5);
    }

    [Fact]
    public void LaterStagesWin_CommissionerThenTribunalThenClosed()
    {
        var request = Sent(new DateOnly(2025, 1, 2));
        request.Outcome = FoiOutcome.AnsweredInPart;
        request.AnsweredOn = new DateOnly(2025, 2, 5);
        On(request, new DateOnly(2025, 2, 6)).Warnings.ShouldHaveSingleItem().ShouldBe("Answered 4 working days late.");
        request.ComplaintToCommissionerOn = new DateOnly(2025, 3, 1);
        On(request, new DateOnly(2025, 6, 1)).State.ShouldBe(FoiState.WithCommissioner);
        request.CommissionerDecisionOn = new DateOnly(2025, 6, 2);
        request.TribunalAppealOn = new DateOnly(2025, 6, 20);
        On(request, new DateOnly(2025, 7, 1)).State.ShouldBe(FoiState.AtTribunal);
        request.ClosedOn = new DateOnly(2025, 12, 1);
        On(request, new DateOnly(2025, 12, 2)).State.ShouldBe(FoiState.Closed);
    }

    [Fact]
    public void AReceiptOutsideTheKnownYears_IsAnErrorNotAGuess() =>
        Should.Throw<OutsideCoveredYearsException>(() => On(Sent(new DateOnly(2031, 1, 6)), new DateOnly(2031, 2, 1)));

    [Fact]
    public void Deadlines_FortyWorkingDayMarkPastTheKnownYears_TheAnswerIsStillGiven()
    {
        // Received 15 November 2027: answer due 14 December 2027 (St Andrew's Day not counted); the 40th working day
        // falls in 2028, whose bank holidays are not known.
        FoiDeadlines.Pending(Sent(new DateOnly(2027, 11, 15)), Calendar).ShouldBe([new FoiPendingDeadline(FoiDeadlineKind.Answer, new DateOnly(2027, 12, 14))]);
        FoiDeadlines.Pending(Sent(new DateOnly(2027, 10, 1)), Calendar).ShouldBe(
            [new FoiPendingDeadline(FoiDeadlineKind.Answer, new DateOnly(2027, 10, 29)), new FoiPendingDeadline(FoiDeadlineKind.AnswerLimit, new DateOnly(2027, 11, 26))]);
    }

    [Fact]
    public void Deadlines_ReviewLimitPastTheKnownYears_TheReviewIsStillGiven()
    {
        var request = Sent(new DateOnly(2027, 10, 1));
        request.Outcome = FoiOutcome.Refused;
        request.Exemptions = "s.31";
        request.AnsweredOn = new DateOnly(2027, 10, 29);
        request.ReviewRequestedOn = new DateOnly(2027, 11, 15);
        FoiDeadlines.Pending(request, Calendar).ShouldBe([new FoiPendingDeadline(FoiDeadlineKind.Review, new DateOnly(2027, 12, 14))]);
    }
}
