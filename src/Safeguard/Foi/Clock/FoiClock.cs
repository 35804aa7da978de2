using System.Globalization;
using System.Text;

namespace Safeguard.Foi.Clock;

/// <summary>
/// The statutory clock of the Freedom of Information Act 2000: an authority must answer "promptly and in any event
/// not later than the twentieth working day following the date of receipt" (s.10(1)); working days as s.10(6)
/// defines them (<see cref="WorkingDayCalendar"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Receipt on a non-working day.</b> The rule applied: the date of receipt is the calendar day the request arrives,
/// whether or not it is a working day, and day one of the count is the first working day after that day. A request
/// arriving on Saturday is received on Saturday and Monday is day one, exactly as for a request arriving on Friday.
/// </para>
/// <para>
/// Source: the Information Commissioner's detailed guidance "Time limits for compliance under the Freedom of
/// Information Act (section 10)" (ico.org.uk, last updated 1 August 2023), sections "How do we calculate the date of
/// receipt?" and "What about requests received on non-working days?", and the Commissioner's line to take LTT47: s.10(6)
/// defines the date of receipt as "the day on which the public authority receives the request", with no requirement
/// that it be a working day, so a weekend or bank holiday can be the date of receipt. The Act's own words give the
/// same answer: the deadline is the 20th working day "following" the date of receipt. Some practitioners instead treat
/// the next working day as the date of receipt, which gives the authority one day more; this clock follows the Act and
/// the Commissioner, who decides complaints about late answers.
/// </para>
/// </remarks>
internal sealed class FoiClock(WorkingDayCalendar calendar)
{
    /// <summary>The s.10(1) time for compliance, and the usual time for an internal review.</summary>
    public const int StatutoryWorkingDays = 20;

    /// <summary>The largest count accepted: about a year of working days, far past any FOI time limit.</summary>
    public const int MostWorkingDays = 250;

    /// <summary>The <paramref name="workingDays"/>th working day after the day of receipt.</summary>
    /// <exception cref="OutsideCoveredYearsException">The day of receipt or a day counted has no known bank holidays.</exception>
    public FoiDeadline Due(DateOnly received, int workingDays = StatutoryWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MostWorkingDays);
        var receivedOn = calendar.NonWorking(received);
        var (dayOne, _) = calendar.AddWorkingDays(received, 1);
        var (due, skipped) = calendar.AddWorkingDays(received, workingDays);
        return new FoiDeadline(received, workingDays, due, dayOne, receivedOn, skipped);
    }
}

/// <summary>A computed deadline, with what is needed to explain it.</summary>
/// <param name="Received">The date of receipt.</param>
/// <param name="WorkingDays">How many working days were counted.</param>
/// <param name="Due">The last working day of the count: the deadline.</param>
/// <param name="DayOne">The first working day after the day of receipt.</param>
/// <param name="ReceivedOnNonWorkingDay">Why the day of receipt is not a working day, or null when it is one.</param>
/// <param name="HolidaysSkipped">Weekday holidays between receipt and the deadline, which were not counted.</param>
internal sealed record FoiDeadline(
    DateOnly Received, int WorkingDays, DateOnly Due, DateOnly DayOne, NonWorkingDay? ReceivedOnNonWorkingDay, IReadOnlyList<NonWorkingDay> HolidaysSkipped)
{
    /// <summary>
    /// The deadline in words: "Due on Thursday 30 January 2025: the 20th working day after Thursday 2 January 2025,
    /// the day of receipt." and, when there are any, the holidays not counted and a note on receipt on a non-working day.
    /// </summary>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Due on {Long(Due)}: the {Ordinal(WorkingDays)} working day after {Long(Received)}, the day of receipt.");
        if (ReceivedOnNonWorkingDay is { } off)
        {
            text.Append(CultureInfo.InvariantCulture,
                $" That day is not a working day ({off.Reason}), but it is still the day of receipt: day one is the next working day, {Long(DayOne)}.");
        }
        if (HolidaysSkipped.Count > 0)
        {
            text.Append(" Not counted: ");
            text.AppendJoin(", ", HolidaysSkipped.Select(h => $"{Long(h.Date)} ({h.Reason})"));
            text.Append('.');
        }
        return text.ToString();
    }

    /// <summary>"Thursday 2 January 2025".</summary>
    public static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1st", "2nd", "3rd", "11th", "20th", "21st".</summary>
    public static string Ordinal(int number)
    {
        var suffix = (number % 100) is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return number.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
