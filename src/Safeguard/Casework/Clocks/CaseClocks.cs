namespace Safeguard.Casework.Clocks;

/// <summary>One stay in detention: from the day a person was detained (or transferred in) to the day they left.</summary>
/// <param name="From">The first day in detention.</param>
/// <param name="To">The day detention ended; null while the person is still detained.</param>
internal sealed record DetentionSpell(DateOnly From, DateOnly? To);

/// <summary>A second opinion the Home Office commissioned on a medico-legal report.</summary>
/// <param name="Requested">The day it was requested.</param>
/// <param name="Received">The day it was received; null while still awaited.</param>
/// <param name="Stopped">
/// Not received, the day the wait ended anyway: the Home Office's decision on detention that followed the request, or
/// the person's release, whichever came first. Waiting for a second opinion is waiting for the decision it informs,
/// so once that is made (or the person is out) the wait no longer runs.
/// </param>
internal sealed record SecondOpinionWait(DateOnly Requested, DateOnly? Received, DateOnly? Stopped = null)
{
    /// <summary>The day the wait ended: received, or stopped; null while it runs.</summary>
    public DateOnly? Ended => Received ?? Stopped;
}

/// <summary>The dates of one case that its clocks are computed from; every clock is computed, never typed.</summary>
/// <param name="Detention">The case's detention spells, in any order; spells that overlap or touch (a transfer) count once.</param>
/// <param name="MlrServed">The day the (first) medico-legal report was served on the Home Office.</param>
/// <param name="HomeOfficeDecision">The Home Office's decision on the report (to release or to maintain detention).</param>
/// <param name="SecondOpinions">Second opinions the Home Office commissioned.</param>
/// <param name="Released">The day the person was released, if they were.</param>
internal sealed record CaseDates(
    IReadOnlyList<DetentionSpell> Detention,
    DateOnly? MlrServed,
    DateOnly? HomeOfficeDecision,
    IReadOnlyList<SecondOpinionWait> SecondOpinions,
    DateOnly? Released);

/// <summary>A number of days, and whether the clock is still running (its end has not happened yet, so it counts to today).</summary>
internal readonly record struct DayCount(int Days, bool Running)
{
    /// <summary>"12 days", or "12 days so far" while running.</summary>
    public override string ToString() => $"{Days} {(Days == 1 ? "day" : "days")}{(Running ? " so far" : "")}";
}

/// <summary>The clocks of one case on a given day.</summary>
/// <param name="Detained">Days in detention (the union of the spells; running while still detained); null without any spell.</param>
/// <param name="MlrToDecision">Days from the report being served to the Home Office's decision (running while awaited).</param>
/// <param name="SecondOpinions">The length of each second-opinion wait, in the order requested, to its receipt or the decision or release that stopped it (running while awaited).</param>
/// <param name="MlrToRelease">Days from the report being served to release (running while still detained after it).</param>
/// <param name="DetentionEnded">The last day of detention, once every spell has ended.</param>
/// <param name="LimitationDeadline">The last day to bring a claim for false imprisonment (see <see cref="CaseClocks.LimitationDeadline"/>).</param>
internal sealed record CaseClockReading(
    DayCount? Detained,
    DayCount? MlrToDecision,
    IReadOnlyList<DayCount> SecondOpinions,
    DayCount? MlrToRelease,
    DateOnly? DetentionEnded,
    DateOnly? LimitationDeadline);

/// <summary>
/// The clocks that make the charity's evidence: how long a person was detained, how long the Home Office took to decide
/// after a medico-legal report (MLR) was served, how long each second opinion took, and by when a claim for false
/// imprisonment must be brought.
/// </summary>
/// <remarks>
/// Days are counted as elapsed days between two dates (the end date less the start date), so a person detained on
/// 1 March and released on 4 March was detained 3 days, and a decision made the day the report was served took 0 days.
/// A clock whose end has not happened counts to <c>today</c> and says it is running. An end date before its start is
/// a data error the forms refuse; here it counts as 0 days rather than a negative number.
/// </remarks>
internal static class CaseClocks
{
    /// <summary>Years within which a claim for false imprisonment must usually be brought (Limitation Act 1980, s.2).</summary>
    public const int LimitationYears = 6;

    /// <summary>Reads every clock of <paramref name="dates"/> on <paramref name="today"/>.</summary>
    public static CaseClockReading Read(CaseDates dates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var detained = DaysDetained(dates.Detention, today);
        var ended = DetentionEnded(dates.Detention);
        return new CaseClockReading(
            detained,
            dates.MlrServed is { } served ? Between(served, dates.HomeOfficeDecision, today) : null,
            [.. dates.SecondOpinions.OrderBy(s => s.Requested).Select(s => Between(s.Requested, s.Ended, today))],
            MlrToRelease(dates, ended, today),
            ended,
            ended is { } last ? LimitationDeadline(last) : null);
    }

    /// <summary>
    /// Days in detention over all spells, each day counted once however spells overlap; null when there are none.
    /// Running while any spell has not ended.
    /// </summary>
    public static DayCount? DaysDetained(IReadOnlyList<DetentionSpell> spells, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(spells);
        if (spells.Count == 0)
        {
            return null;
        }
        var running = spells.Any(s => s.To is null);
        var days = 0;
        DateOnly? coveredTo = null;
        foreach (var (from, to) in spells.Select(s => (s.From, To: Max(s.To ?? today, s.From))).OrderBy(s => s.From))
        {
            var start = coveredTo is { } covered && covered > from ? covered : from;
            if (to > start)
            {
                days += to.DayNumber - start.DayNumber;
            }
            coveredTo = coveredTo is { } previous ? Max(previous, to) : to;
        }
        return new DayCount(days, running);
    }

    /// <summary>The last day of detention once every spell has ended; null while any is open or there are none.</summary>
    public static DateOnly? DetentionEnded(IReadOnlyList<DetentionSpell> spells)
    {
        ArgumentNullException.ThrowIfNull(spells);
        return spells.Count == 0 || spells.Any(s => s.To is null) ? null : spells.Max(s => s.To!.Value);
    }

    /// <summary>
    /// The last day on which a claim for false imprisonment can be brought for detention that ended on
    /// <paramref name="detentionEnded"/>: six years later (Limitation Act 1980, s.2; England and Wales).
    /// </summary>
    /// <remarks>
    /// The day the cause of action accrues is left out of the count (Marren v Dawson Bentley [1961] 2 QB 135), so
    /// six years from the end of detention on 15 March 2020 run to the end of 15 March 2026, the same date six years
    /// on. Detention that ended on 29 February gets 28 February six years on when that year has no 29 February: the
    /// earlier of the two possible readings, because a deadline shown too late could cost a claim and one shown a day
    /// early costs nothing. Time can run differently (a person under a disability, concealment, Scotland's five-year
    /// prescription); the date is a prompt for the caseworker, not legal advice.
    /// </remarks>
    public static DateOnly LimitationDeadline(DateOnly detentionEnded) => detentionEnded.AddYears(LimitationYears);

    /// <summary>True when <paramref name="deadline"/> falls from <paramref name="today"/> to twelve months after it, inclusive.</summary>
    public static bool FallsDueWithinYear(DateOnly deadline, DateOnly today) => deadline >= today && deadline <= today.AddYears(1);

    /// <summary>From the report to release; running while the person is still detained; none if they left otherwise.</summary>
    private static DayCount? MlrToRelease(CaseDates dates, DateOnly? ended, DateOnly today) => dates.MlrServed switch
    {
        null => null,
        { } served when dates.Released is { } released => Between(served, released, today),
        { } served when ended is null && dates.Detention.Count > 0 => Between(served, null, today),
        _ => null,
    };

    private static DayCount Between(DateOnly from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        return new DayCount(Math.Max(0, end.DayNumber - from.DayNumber), to is null);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
