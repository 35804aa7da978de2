using Safeguard.Casework.Cases;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;

namespace Safeguard.Casework.Clocks;

/// <summary>A Home Office response the charity is waiting for, and since when.</summary>
/// <param name="What">What is awaited, in words: "a decision on the medico-legal report".</param>
/// <param name="Since">The day the wait began.</param>
internal sealed record AwaitedResponse(string What, DateOnly Since)
{
    /// <summary>Days waited by <paramref name="today"/>.</summary>
    public int DaysBy(DateOnly today) => Math.Max(0, today.DayNumber - Since.DayNumber);
}

/// <summary>
/// Reads a case's records into the dates its clocks are computed from, and the Home Office responses still awaited.
/// </summary>
/// <remarks>
/// The report served is the first medico-legal report with a date served; the Home Office's decision on it is the
/// first Adults at Risk decision, release decision or removal decision on or after that day. Second opinions pair in
/// order: each receipt answers the earliest request before it not yet answered; one never received stops at the first
/// such decision on or after its request, or at release, whichever is first.
/// </remarks>
internal static class CaseFacts
{
    /// <summary>The dates of one case's clocks.</summary>
    public static CaseDates Dates(
        IEnumerable<DetentionEpisode> episodes, IEnumerable<CaseDocument> documents, IEnumerable<HomeOfficeEvent> events, Outcome outcome, DateOnly? outcomeOn)
    {
        var served = documents.Where(d => d.Kind == DocumentKind.MedicoLegalReport && d.ServedOn is not null).Min(d => d.ServedOn);
        var ordered = events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToList();
        var decision = served is { } day ? ordered.FirstOrDefault(e => e.DecidesOnDetention && e.OccurredOn >= day)?.OccurredOn : null;
        return new CaseDates(
            [.. episodes.Select(e => new DetentionSpell(e.From, e.To))],
            served,
            decision,
            SecondOpinions(ordered, outcome == Outcome.Released ? outcomeOn : null),
            outcome == Outcome.Released ? outcomeOn : null);
    }

    /// <summary>
    /// What the Home Office has not yet answered while the person is still detained: a decision on the served report,
    /// a response to each rule 35 report, each second opinion requested.
    /// </summary>
    public static IReadOnlyList<AwaitedResponse> Awaited(CaseDates dates, IEnumerable<HomeOfficeEvent> events, Outcome outcome)
    {
        if (outcome != Outcome.StillDetained)
        {
            return [];
        }
        var awaited = new List<AwaitedResponse>();
        if (dates.MlrServed is { } served && dates.HomeOfficeDecision is null)
        {
            awaited.Add(new AwaitedResponse("a decision on the medico-legal report", served));
        }
        var ordered = events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToList();
        var reports = new Queue<HomeOfficeEvent>();
        foreach (var homeOfficeEvent in ordered)
        {
            if (homeOfficeEvent.Kind == HomeOfficeEventKind.Rule35Report)
            {
                reports.Enqueue(homeOfficeEvent);
            }
            else if (homeOfficeEvent.Kind == HomeOfficeEventKind.Rule35Response && reports.Count > 0)
            {
                reports.Dequeue();
            }
        }
        awaited.AddRange(reports.Select(r => new AwaitedResponse("a response to the rule 35 report", r.OccurredOn)));
        awaited.AddRange(dates.SecondOpinions.Where(s => s.Ended is null).Select(s => new AwaitedResponse("the second opinion", s.Requested)));
        return [.. awaited.OrderBy(a => a.Since)];
    }

    private static List<SecondOpinionWait> SecondOpinions(List<HomeOfficeEvent> ordered, DateOnly? released)
    {
        var waits = new List<SecondOpinionWait>();
        var open = new Queue<int>();
        foreach (var homeOfficeEvent in ordered)
        {
            if (homeOfficeEvent.Kind == HomeOfficeEventKind.SecondOpinionRequested)
            {
                open.Enqueue(waits.Count);
                waits.Add(new SecondOpinionWait(homeOfficeEvent.OccurredOn, null));
            }
            else if (homeOfficeEvent.Kind == HomeOfficeEventKind.SecondOpinionReceived && open.Count > 0)
            {
                var index = open.Dequeue();
                waits[index] = waits[index] with { Received = homeOfficeEvent.OccurredOn };
            }
        }
        return [.. waits.Select(wait => wait.Received is not null ? wait : wait with
        {
            Stopped = new[] { ordered.FirstOrDefault(e => e.DecidesOnDetention && e.OccurredOn >= wait.Requested)?.OccurredOn, released >= wait.Requested ? released : null }.Min(),
        })];
    }
}
