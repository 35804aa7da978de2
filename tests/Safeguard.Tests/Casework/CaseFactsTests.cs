using Safeguard.Casework.Cases;
using Safeguard.Casework.Clocks;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;

namespace Safeguard.Tests.Casework;

/// <summary>How a case's records become the dates of its clocks, and what the Home Office has not yet answered.</summary>
public sealed class CaseFactsTests
{
    private static readonly DateOnly March1 = new(2024, 3, 1);

    private static HomeOfficeEvent Event(HomeOfficeEventKind kind, DateOnly on, int id = 0) =>
        new() { Id = id, Kind = kind, OccurredOn = on, RecordedBy = "test" };

    private static CaseDocument Report(DateOnly? served) => new() { Kind = DocumentKind.MedicoLegalReport, ServedOn = served };

    [Fact]
    public void Dates_DecisionIsTheFirstDecidingEventOnOrAfterTheReportServed()
    {
        var dates = CaseFacts.Dates(
            [new DetentionEpisode { CentreSlug = "brook-house", From = March1 }],
            [Report(null), Report(March1.AddDays(10)), new CaseDocument { Kind = DocumentKind.Letter, ServedOn = March1 }],
            [Event(HomeOfficeEventKind.AdultsAtRiskDecision, March1.AddDays(5)), Event(HomeOfficeEventKind.DetentionReview, March1.AddDays(12)),
             Event(HomeOfficeEventKind.ReleaseDecision, March1.AddDays(20))],
            Outcome.StillDetained, null);
        dates.MlrServed.ShouldBe(March1.AddDays(10), "a letter served is not a report served");
        dates.HomeOfficeDecision.ShouldBe(March1.AddDays(20), "a decision before the report is not on it, and a review is not a decision");
        dates.Released.ShouldBeNull();
    }

    [Fact]
    public void Dates_SecondOpinionsPairInOrder_AnUnansweredOneStopsAtRelease()
    {
        var dates = CaseFacts.Dates([], [],
            [Event(HomeOfficeEventKind.SecondOpinionRequested, March1), Event(HomeOfficeEventKind.SecondOpinionReceived, March1.AddDays(9)),
             Event(HomeOfficeEventKind.SecondOpinionRequested, March1.AddDays(30)), Event(HomeOfficeEventKind.SecondOpinionReceived, March1.AddDays(-3))],
            Outcome.Released, March1.AddDays(40));
        dates.SecondOpinions.ShouldBe([new SecondOpinionWait(March1, March1.AddDays(9)), new SecondOpinionWait(March1.AddDays(30), null, March1.AddDays(40))],
            "a receipt before any request answers nothing; the person's release ends the wait");
        dates.Released.ShouldBe(March1.AddDays(40));
    }

    [Fact]
    public void Dates_SecondOpinionNeverReceived_StopsAtTheDecisionThatFollowsIt_OrAtRelease()
    {
        // Requested 4 March 2024; the Home Office maintained detention on review 10 March (not a decision on the
        // report), then decided to release on 20 March: the wait is 4 to 20 March, 16 elapsed days, not running.
        var requested = new DateOnly(2024, 3, 4);
        HomeOfficeEvent[] events =
        [
            Event(HomeOfficeEventKind.AdultsAtRiskDecision, new DateOnly(2024, 3, 2)), Event(HomeOfficeEventKind.SecondOpinionRequested, requested),
            Event(HomeOfficeEventKind.DetentionReview, new DateOnly(2024, 3, 10)), Event(HomeOfficeEventKind.ReleaseDecision, new DateOnly(2024, 3, 20)),
        ];
        var decided = CaseFacts.Dates([new DetentionEpisode { CentreSlug = "colnbrook", From = March1 }], [], events, Outcome.StillDetained, null);
        decided.SecondOpinions.ShouldBe([new SecondOpinionWait(requested, null, new DateOnly(2024, 3, 20))], "a decision before the request does not stop it");
        CaseClocks.Read(decided, new DateOnly(2024, 6, 1)).SecondOpinions.ShouldBe([new DayCount(16, false)]);
        CaseFacts.Awaited(decided, events, Outcome.StillDetained).ShouldNotContain(a => a.What == "the second opinion", "the decision it was for is made");

        // No decision; released 15 March (outcome released that day): 4 to 15 March, 11 days.
        var released = CaseFacts.Dates([new DetentionEpisode { CentreSlug = "colnbrook", From = March1, To = new DateOnly(2024, 3, 15) }], [],
            [Event(HomeOfficeEventKind.SecondOpinionRequested, requested)], Outcome.Released, new DateOnly(2024, 3, 15));
        CaseClocks.Read(released, new DateOnly(2024, 6, 1)).SecondOpinions.ShouldBe([new DayCount(11, false)]);

        // Neither: still running on 1 June 2024, 4 March to 1 June is 89 days (28 in March, 30 in April, 31 in May).
        var waiting = CaseFacts.Dates([new DetentionEpisode { CentreSlug = "colnbrook", From = March1 }], [],
            [Event(HomeOfficeEventKind.SecondOpinionRequested, requested)], Outcome.StillDetained, null);
        CaseClocks.Read(waiting, new DateOnly(2024, 6, 1)).SecondOpinions.ShouldBe([new DayCount(89, true)]);
    }

    [Fact]
    public void Awaited_WhileDetained_ListsTheDecisionTheRule35ResponsesAndSecondOpinionsStillOwed()
    {
        HomeOfficeEvent[] events =
        [
            Event(HomeOfficeEventKind.Rule35Report, March1, 1), Event(HomeOfficeEventKind.Rule35Response, March1.AddDays(2), 2),
            Event(HomeOfficeEventKind.Rule35Report, March1.AddDays(5), 3), Event(HomeOfficeEventKind.SecondOpinionRequested, March1.AddDays(7), 4),
        ];
        var dates = CaseFacts.Dates([new DetentionEpisode { CentreSlug = "colnbrook", From = March1 }], [Report(March1.AddDays(6))], events, Outcome.StillDetained, null);
        CaseFacts.Awaited(dates, events, Outcome.StillDetained).ShouldBe([
            new AwaitedResponse("a response to the rule 35 report", March1.AddDays(5)),
            new AwaitedResponse("a decision on the medico-legal report", March1.AddDays(6)),
            new AwaitedResponse("the second opinion", March1.AddDays(7)),
        ]);
        CaseFacts.Awaited(dates, events, Outcome.Released).ShouldBeEmpty("once released, nothing is awaited");
        new AwaitedResponse("x", March1).DaysBy(March1.AddDays(15)).ShouldBe(15);
    }
}
