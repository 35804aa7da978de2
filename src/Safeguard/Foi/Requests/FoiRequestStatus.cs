using Safeguard.Foi.Clock;

namespace Safeguard.Foi.Requests;

/// <summary>Where a request stands, computed from its dates and the working-day clock.</summary>
internal enum FoiState
{
    Draft,
    AwaitingResponse,
    Extended,
    Overdue,
    /// <summary>Unanswered beyond 40 working days, the most the Commissioner's guidance allows even with an extension.</summary>
    VeryOverdue,
    Answered,
    Refused,
    InInternalReview,
    WithCommissioner,
    AtTribunal,
    Closed,
    /// <summary>The clock cannot count the request's dates: their year's bank holidays are not known.</summary>
    Unknown,
}

/// <summary>Words for <see cref="FoiState"/>.</summary>
internal static class FoiStates
{
    public static string Label(this FoiState state) => state switch
    {
        FoiState.Draft => "draft",
        FoiState.AwaitingResponse => "awaiting response",
        FoiState.Extended => "extended",
        FoiState.Overdue => "overdue",
        FoiState.VeryOverdue => "very overdue",
        FoiState.Answered => "answered",
        FoiState.Refused => "refused",
        FoiState.InInternalReview => "in internal review",
        FoiState.WithCommissioner => "with the Commissioner",
        FoiState.AtTribunal => "at the tribunal",
        FoiState.Closed => "closed",
        FoiState.Unknown => "not known",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}

/// <summary>
/// A request's state on a day, the deadline that matters then, and warnings: an answer or review past its time, an
/// extension beyond the Commissioner's guidance.
/// </summary>
/// <param name="State">Where the request stands.</param>
/// <param name="Due">The deadline of the current stage (answer, extended answer, or review), when there is one.</param>
/// <param name="WorkingDaysLate">Working days past <paramref name="Due"/>, or 0.</param>
/// <param name="Warnings">What needs attention, in words.</param>
internal sealed record FoiRequestStatus(FoiState State, DateOnly? Due, int WorkingDaysLate, IReadOnlyList<string> Warnings)
{
    /// <summary>Working days within which an internal review should be done, and the most the guidance allows.</summary>
    public const int ReviewWorkingDays = 20;

    public const int MostReviewWorkingDays = 40;

    /// <summary>Beyond this many working days from receipt an unanswered request is very overdue, extension or not.</summary>
    public const int VeryOverdueWorkingDays = 40;

    /// <summary>The most further working days the Commissioner's guidance accepts for a public-interest extension.</summary>
    public const int MostExtensionWorkingDays = 20;

    /// <summary>
    /// As <see cref="On"/>, but a date the clock cannot count gives the state <see cref="FoiState.Unknown"/>, with the
    /// reason and what to do as its warning, so that one request cannot stop a list of them from showing.
    /// </summary>
    public static FoiRequestStatus Today(FoiRequest request, DateOnly today, WorkingDayCalendar calendar)
    {
        try
        {
            return On(request, today, calendar);
        }
        catch (OutsideCoveredYearsException outside)
        {
            return new(FoiState.Unknown, null, 0, [outside.Message]);
        }
    }

    /// <summary>
    /// The state on <paramref name="today"/>: the latest stage reached wins (closed, tribunal, Commissioner, review,
    /// answer), and an unanswered request is awaiting, extended, overdue or very overdue by the clock.
    /// </summary>
    /// <exception cref="OutsideCoveredYearsException">A date to count from lies outside the known bank holidays.</exception>
    public static FoiRequestStatus On(FoiRequest request, DateOnly today, WorkingDayCalendar calendar)
    {
        var clock = new FoiClock(calendar);
        var warnings = new List<string>();
        var received = request.ReceivedOn ?? request.SentOn;
        DateOnly? answerDue = received is { } day ? clock.Due(day).Due : null;
        if (request.ExtendedTo is { } extended && answerDue is { } original && calendar.WorkingDaysBetween(original, extended) > MostExtensionWorkingDays)
        {
            warnings.Add($"The extension to {extended:d MMMM yyyy} is more than {MostExtensionWorkingDays} working days after the original deadline of {original:d MMMM yyyy}, beyond the Commissioner's guidance.");
        }
        if (request.AnsweredOn is { } answered && (request.ExtendedTo ?? answerDue) is { } deadline && answered > deadline)
        {
            warnings.Add($"Answered {calendar.WorkingDaysBetween(deadline, answered)} working days late.");
        }
        if (request.ClosedOn is not null)
        {
            return new(FoiState.Closed, null, 0, warnings);
        }
        if (request.TribunalAppealOn is not null && request.TribunalDecisionOn is null)
        {
            return new(FoiState.AtTribunal, null, 0, warnings);
        }
        if (request.ComplaintToCommissionerOn is not null && request.CommissionerDecisionOn is null)
        {
            return new(FoiState.WithCommissioner, null, 0, warnings);
        }
        if (request.ReviewRequestedOn is { } reviewRequested && request.ReviewAnsweredOn is null)
        {
            var reviewDue = clock.Due(reviewRequested, ReviewWorkingDays).Due;
            var late = today > reviewDue ? calendar.WorkingDaysBetween(reviewDue, today) : 0;
            if (calendar.WorkingDaysBetween(reviewRequested, today) > MostReviewWorkingDays)
            {
                warnings.Add($"The internal review has taken more than {MostReviewWorkingDays} working days, the most the Commissioner's guidance allows.");
            }
            return new(FoiState.InInternalReview, reviewDue, late, warnings);
        }
        if (request.Outcome is { } outcome && outcome != FoiOutcome.NoAnswer)
        {
            return new(outcome == FoiOutcome.Refused ? FoiState.Refused : FoiState.Answered, null, 0, warnings);
        }
        if (received is not { } receivedOn || answerDue is not { } due)
        {
            return new(FoiState.Draft, null, 0, warnings);
        }
        if (calendar.WorkingDaysBetween(receivedOn, today) > VeryOverdueWorkingDays)
        {
            var current = request.ExtendedTo is { } ext && ext > due ? ext : due;
            return new(FoiState.VeryOverdue, current, calendar.WorkingDaysBetween(current, today), warnings);
        }
        if (request.ExtendedTo is { } newDate && newDate > due)
        {
            return today <= newDate
                ? new(FoiState.Extended, newDate, 0, warnings)
                : new(FoiState.Overdue, newDate, calendar.WorkingDaysBetween(newDate, today), warnings);
        }
        return today <= due
            ? new(FoiState.AwaitingResponse, due, 0, warnings)
            : new(FoiState.Overdue, due, calendar.WorkingDaysBetween(due, today), warnings);
    }
}
