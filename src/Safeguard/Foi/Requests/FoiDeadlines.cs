using System.Globalization;
using Safeguard.Foi.Clock;

namespace Safeguard.Foi.Requests;

/// <summary>The deadlines a request can be on, each from the Act or the Commissioner's guidance.</summary>
internal enum FoiDeadlineKind
{
    /// <summary>The 20th working day after receipt (s.10(1)), or the authority's new date under an extension.</summary>
    Answer,

    /// <summary>40 working days after receipt: beyond it an unanswered request is very overdue, extension or not.</summary>
    AnswerLimit,

    /// <summary>20 working days after an internal review was asked for.</summary>
    Review,

    /// <summary>40 working days after it was asked for: the most the guidance allows a review.</summary>
    ReviewLimit,
}

/// <summary>A deadline a request is still waiting on.</summary>
/// <param name="Kind">Which deadline.</param>
/// <param name="Date">The last working day to meet it.</param>
internal sealed record FoiPendingDeadline(FoiDeadlineKind Kind, DateOnly Date)
{
    /// <summary>A stable code, for the calendar's UIDs and the record of reminders sent.</summary>
    public string Code => Kind switch
    {
        FoiDeadlineKind.Answer => "answer",
        FoiDeadlineKind.AnswerLimit => "answer-limit",
        FoiDeadlineKind.Review => "review",
        FoiDeadlineKind.ReviewLimit => "review-limit",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    /// <summary>"Answer due", "Internal review due", in words for a calendar or an e-mail.</summary>
    public string Label => Kind switch
    {
        FoiDeadlineKind.Answer => "answer due",
        FoiDeadlineKind.AnswerLimit => $"answer {FoiRequestStatus.VeryOverdueWorkingDays} working days after receipt (very overdue after this)",
        FoiDeadlineKind.Review => "internal review due",
        FoiDeadlineKind.ReviewLimit => $"internal review at its {FoiRequestStatus.MostReviewWorkingDays}-working-day limit",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} on {Date:d MMMM yyyy}");
}

/// <summary>The deadlines a request still waits on: those of the stage it is in, never of one it has passed.</summary>
internal static class FoiDeadlines
{
    /// <remarks>
    /// A request whose deadline the clock cannot count has none to give; its state (unknown) says why. A 40-working-day
    /// limit that runs past the known bank holidays is left out alone (<see cref="Limit"/>).
    /// </remarks>
    public static IReadOnlyList<FoiPendingDeadline> Pending(FoiRequest request, WorkingDayCalendar calendar)
    {
        try
        {
            return Counted(request, calendar);
        }
        catch (OutsideCoveredYearsException)
        {
            return [];
        }
    }

    private static IReadOnlyList<FoiPendingDeadline> Counted(FoiRequest request, WorkingDayCalendar calendar)
    {
        if (request.ClosedOn is not null || request.ComplaintToCommissionerOn is not null || request.TribunalAppealOn is not null)
        {
            return [];
        }
        var clock = new FoiClock(calendar);
        if (request.ReviewRequestedOn is { } asked)
        {
            return request.ReviewAnsweredOn is null
                ? [new(FoiDeadlineKind.Review, clock.Due(asked, FoiRequestStatus.ReviewWorkingDays).Due),
                   .. Limit(FoiDeadlineKind.ReviewLimit, () => clock.Due(asked, FoiRequestStatus.MostReviewWorkingDays).Due)]
                : [];
        }
        if ((request.Outcome is { } outcome && outcome != FoiOutcome.NoAnswer) || (request.ReceivedOn ?? request.SentOn) is not { } received)
        {
            return [];
        }
        var due = clock.Due(received).Due;
        var answer = request.ExtendedTo is { } extended && extended > due ? extended : due;
        return [new(FoiDeadlineKind.Answer, answer), .. Limit(FoiDeadlineKind.AnswerLimit, () => clock.Due(received, FoiRequestStatus.VeryOverdueWorkingDays).Due).Where(l => answer < l.Date)];
    }

    /// <summary>
    /// A 40-working-day limit, or none while it runs past the known bank holidays: the deadline before it is still
    /// given (so still reminded of and in calendars), and the limit comes once a newer feed is imported.
    /// </summary>
    private static IEnumerable<FoiPendingDeadline> Limit(FoiDeadlineKind kind, Func<DateOnly> count)
    {
        try
        {
            return [new(kind, count())];
        }
        catch (OutsideCoveredYearsException)
        {
            return [];
        }
    }
}
