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
    public void Dates_SecondOpinionsPairInOrder_AnUnansweredOneStaysOpen()
    {
        var dates = CaseFacts.Dates([], [],
            [Event(HomeOfficeEventKind.SecondOpinionRequested, March1), Event(HomeOfficeEventKind.SecondOpinionReceived, March1.AddDays(9)),
             Event(HomeOfficeEventKind.SecondOpinionRequested, March1.AddDays(30)), Event(HomeOfficeEventKind.SecondOpinionReceived, March1.AddDays(-3))],
            Outcome.Released, March1.AddDays(40));
        dates.SecondOpinions.ShouldBe([new SecondOpinionWait(March1, March1.AddDays(9)), new SecondOpinionWait(March1.AddDays(30), null)],
            "a receipt before any request answers nothing");
        dates.Released.ShouldBe(March1.AddDays(40));
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
