using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Casework.Referrals;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// Withdrawing a referral (recorded twice, or withdrawn by the person or the referrer) through the real pipeline, on
/// each engine: supervisors only, asked first, done only by the form's POST with a reason; the referral leaves the
/// queue and stays on record as withdrawn, recorded on the trail without anything that names anyone; one accepted
/// into a case, or declined, is refused with the reason, even when that happened a moment before.
/// </summary>
public abstract class ReferralWithdrawalHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Person = "Philomena Cartwright-Adebayo";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string WithdrawalOf(int referral) => CaseworkPaths.ReferralWithdrawal(referral);

    /// <summary>A referral about a synthetic person, received through the public form, waiting; its number.</summary>
    private async Task<int> ReceivedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return int.Parse(await scope.ServiceProvider.GetRequiredService<ReferralDesk>().ReceiveAsync(CaseworkSamples.Referral(Person), ReferralArrival.PublicForm, Cancel), CultureInfo.InvariantCulture);
    }

    private async Task<Referral> StoredAsync(int referral)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.Id == referral, Cancel);
    }

    private async Task<List<AuditEntry>> ReferralEntriesAsync(int referral)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditQuery>()
            .SearchAsync(new AuditSearch { RecordType = "referral", RecordId = referral.ToString(CultureInfo.InvariantCulture), Limit = 100 }, Cancel);
    }

    [Fact]
    public async Task Withdrawal_AsksFirst_NeedsAReason_ThenTheReferralLeavesTheQueue_KeptOnRecordAsWithdrawn_RecordedNamingNobody()
    {
        var (supervisor, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var kept = await ReceivedAsync();
        var referral = await ReceivedAsync();
        var withdrawal = WithdrawalOf(referral);
        (await browser.PageAsync(CaseworkPaths.Referral(referral))).QuerySelector($"main a[href='{withdrawal}']")!.TextContent.ShouldBe($"Withdraw referral {referral}");

        var question = await browser.PageAsync(withdrawal);
        question.QuerySelector("h1")!.TextContent.ShouldBe($"Withdraw referral {referral}?");
        question.QuerySelector("main")!.TextContent.ShouldContain("stays on record as withdrawn");
        question.QuerySelector("main")!.TextContent.ShouldNotContain(Person);
        question.QuerySelectorAll<IHtmlInputElement>("input[name=Reason]").Select(i => i.Value).ShouldBe(["RecordedTwice", "WithdrawnByThePerson", "WithdrawnByTheReferrer"]);
        question.QuerySelector("main form button")!.TextContent.ShouldBe("Withdraw the referral");
        question.QuerySelector($"main a[href='{CaseworkPaths.Referral(referral)}']")!.TextContent.ShouldBe("Cancel: keep it");
        (await browser.Client.PostAsync(withdrawal, new FormUrlEncodedContent([new("Reason", "RecordedTwice")]), Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "without the antiforgery token");
        var unexplained = await StaffBrowser.ParseAsync(await browser.SubmitAsync(withdrawal, []));
        unexplained.QuerySelector(".error-summary a[href='#Reason']")!.TextContent.ShouldBe("Choose why the referral is withdrawn");
        (await StoredAsync(referral)).Status.ShouldBe(TriageStatus.Waiting, "asking, and a form without a reason, change nothing");

        var done = await browser.SubmitAsync(withdrawal, [new("Reason", "RecordedTwice"), new("SameAs", $" {kept} ")]);

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(done.Headers.Location).ShouldBe($"{CaseworkPaths.Referrals}#triaged");
        var stored = await StoredAsync(referral);
        (stored.Status, stored.WithdrawalReason, stored.SameAsReferralId, stored.TriagedBy, stored.ClientId)
            .ShouldBe((TriageStatus.Withdrawn, (WithdrawalReason?)WithdrawalReason.RecordedTwice, (int?)kept, supervisor.Id, (int?)null));
        (await StoredAsync(kept)).Status.ShouldBe(TriageStatus.Waiting, "the one that stays waits for triage");
        stored.PersonNameCipher.ShouldNotBeNullOrEmpty("it stays on record");
        var queue = await browser.PageAsync(CaseworkPaths.Referrals);
        queue.QuerySelector($"main a[href='{CaseworkPaths.Referral(referral)}']").ShouldBeNull("it has left the triage queue");
        var row = queue.QuerySelectorAll("#triaged-caption ~ tbody tr").Single(row => row.Children[0].TextContent == $"Referral {referral}");
        row.Children[2].TextContent.Trim().ShouldBe($"Withdrawn: recorded twice, the same as referral {kept}");
        row.Children[2].QuerySelector($"a[href='{CaseworkPaths.Referral(kept)}']").ShouldNotBeNull("it links the one that stays");
        var triage = await browser.PageAsync(CaseworkPaths.Referral(referral));
        triage.QuerySelector("main form").ShouldBeNull("nothing left to triage");
        triage.QuerySelector("main")!.TextContent.ShouldContain($"Withdrawn: recorded twice, the same as referral {kept}.");
        var stays = (await browser.PageAsync(CaseworkPaths.Referral(kept))).QuerySelectorAll("main dl > div").Single(d => d.QuerySelector("dt")!.TextContent == "Also recorded as");
        stays.QuerySelector("dd")!.TextContent.ShouldContain("(withdrawn as recorded twice: it may say more of what the referrer said)");
        stays.QuerySelector($"dd a[href='{CaseworkPaths.Referral(referral)}']")!.TextContent.ShouldBe($"referral {referral}", "the one that stays links the copy withdrawn");

        var again = await browser.PageAsync(withdrawal);
        again.QuerySelector("h1")!.TextContent.ShouldBe($"Referral {referral} cannot be withdrawn");
        again.QuerySelector("main")!.TextContent.ShouldContain($"It was withdrawn already: recorded twice, the same as referral {kept}.");
        var accepting = await browser.PostWithTokenAsync(CaseworkPaths.Referral(referral), KeyValuePair.Create("Decision", "accept"));
        accepting.StatusCode.ShouldBe(HttpStatusCode.OK, "a withdrawn referral opens no case");
        (await StaffBrowser.ParseAsync(accepting)).QuerySelector("#overtaken")!.TextContent.ShouldStartWith($"Referral {referral} had already been withdrawn");
        (await StoredAsync(referral)).ClientId.ShouldBeNull();

        var entries = await ReferralEntriesAsync(referral);
        entries.Where(e => e.Action == "update").Select(e => (e.Actor, e.Detail)).ShouldBe([(supervisor.Id, $"withdrawn: recorded twice, the same as referral {kept}")]);
        entries.ShouldAllBe(e => e.Detail == null || !e.Detail.Contains("Cartwright", StringComparison.Ordinal));
    }

    /// <summary>
    /// "Recorded twice" needs the number of the other referral, the one that stays: another one that exists and was not
    /// withdrawn itself (it may wait, or be accepted or declined). Any other reason takes no number.
    /// </summary>
    [Fact]
    public async Task Withdrawal_RecordedTwice_NeedsTheNumberOfTheReferralThatStays_SayingWhatIsWrongWithIt()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var referral = await ReceivedAsync();
        var withdrawnItself = await ReceivedAsync();
        var declined = await ReceivedAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<ReferralDesk>();
            (await desk.WithdrawAsync(withdrawnItself, WithdrawalReason.WithdrawnByThePerson, null, Cancel)).ShouldBeTrue();
            (await desk.DecideAsync(declined, DeclineReason.NoCapacity, null, Cancel)).ShouldBeTrue();
        }

        foreach (var (sameAs, message) in new[]
        {
            ("", "Enter the number of the referral that stays: the same referral, recorded the other time"),
            ("12a", "Enter the other referral’s number in digits, like 12"),
            ("-3", "Enter the other referral’s number in digits, like 12"),
            ($"{referral}", $"Enter the other referral’s number: this is referral {referral}"),
            ("999999", "There is no referral 999999: enter the number of the one that stays"),
            ($"{withdrawnItself}", $"Referral {withdrawnItself} was withdrawn itself: enter the number of the one that stays"),
        })
        {
            var page = await StaffBrowser.ParseAsync(await browser.SubmitAsync(WithdrawalOf(referral), [new("Reason", "RecordedTwice"), new("SameAs", sameAs)]));
            page.QuerySelectorAll(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([("#SameAs", message)], $"for “{sameAs}”");
            page.QuerySelector<IHtmlInputElement>("#SameAs")!.Value.ShouldBe(sameAs, "what was typed is shown again");
            (await StoredAsync(referral)).Status.ShouldBe(TriageStatus.Waiting);
        }

        (await browser.SubmitAsync(WithdrawalOf(referral), [new("Reason", "RecordedTwice"), new("SameAs", $"{declined}")])).StatusCode
            .ShouldBe(HttpStatusCode.Redirect, "the one that stays may have been declined: the referral was, once");
        (await StoredAsync(referral)).SameAsReferralId.ShouldBe(declined);
        var another = await ReceivedAsync();
        var numbered = await StaffBrowser.ParseAsync(await browser.SubmitAsync(WithdrawalOf(another), [new("Reason", "WithdrawnByTheReferrer"), new("SameAs", $"{declined}")]));
        numbered.QuerySelectorAll(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#SameAs", "Give the number of the referral that stays only for a referral recorded twice, or choose Recorded twice")]);
        (await StoredAsync(another)).Status.ShouldBe(TriageStatus.Waiting, "a number given with another reason is not dropped without a word");
        (await browser.SubmitAsync(WithdrawalOf(another), [new("Reason", "WithdrawnByTheReferrer"), new("SameAs", " ")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StoredAsync(another)).SameAsReferralId.ShouldBeNull();
    }

    /// <summary>
    /// Two referrals of one person withdrawn as the same as each other, the second as the first lands: the second is
    /// refused, saying the one it names was withdrawn itself, so that one of them always stays; whichever is numbered
    /// first. The colleague's withdrawal lands whole between this one's reading and its writing: the test shows the
    /// check made as it is written, not the order of the writes that keeps two truly simultaneous ones from waiting on
    /// each other (docs/casework.md says why that holds).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Withdrawal_RecordedTwice_AsTheSameAsOneAColleagueWithdrewAMomentBefore_AsTheSameAsThisOne_IsRefused(bool theOtherIsNumberedFirst)
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var (colleague, colleagueBrowser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var first = await ReceivedAsync();
        var second = await ReceivedAsync();
        var (referral, other) = theOtherIsNumberedFirst ? (second, first) : (first, second);
        factory.Meanwhile.BeforeNextChange(async () =>
            (await colleagueBrowser.SubmitAsync(WithdrawalOf(other), [new("Reason", "RecordedTwice"), new("SameAs", $"{referral}")])).StatusCode
                .ShouldBe(HttpStatusCode.Redirect, "the colleague withdraws the other as the same as this one"));

        var response = await browser.SubmitAsync(WithdrawalOf(referral), [new("Reason", "RecordedTwice"), new("SameAs", $"{other}")]);

        factory.Meanwhile.Happened.ShouldBeTrue("the colleague's withdrawal came between the reading and the writing");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(response)).QuerySelectorAll(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#SameAs", $"Referral {other} was withdrawn itself: enter the number of the one that stays")]);
        var stored = await StoredAsync(referral);
        (stored.Status, stored.SameAsReferralId).ShouldBe((TriageStatus.Waiting, (int?)null), "it stays in the queue");
        (await StoredAsync(other)).Status.ShouldBe(TriageStatus.Withdrawn);
        (await ReferralEntriesAsync(referral)).ShouldNotContain(e => e.Detail != null && e.Detail.StartsWith("withdrawn", StringComparison.Ordinal));
        (await ReferralEntriesAsync(other)).Where(e => e.Action == "update").Select(e => (e.Actor, e.Detail))
            .ShouldBe([(colleague.Id, $"withdrawn: recorded twice, the same as referral {referral}")]);
    }

    [Fact]
    public async Task Withdrawal_OfAReferralAcceptedIntoACase_OrDeclined_IsRefusedSayingWhy_AndChangesNothing()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, []);
        int accepted, declined = await ReceivedAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            accepted = await db.Referrals.Where(r => db.Clients.Any(c => c.Id == r.ClientId && c.CaseNumber == sample.CaseNumber)).Select(r => r.Id).SingleAsync(Cancel);
            (await scope.ServiceProvider.GetRequiredService<ReferralDesk>().DecideAsync(declined, DeclineReason.NoCapacity, null, Cancel)).ShouldBeTrue();
        }

        var refusal = await browser.PageAsync(WithdrawalOf(accepted));
        refusal.QuerySelector("h1")!.TextContent.ShouldBe($"Referral {accepted} cannot be withdrawn");
        refusal.QuerySelector(".warning-text")!.TextContent.ShouldStartWith($"It was accepted: case {sample.CaseNumber} was opened from it");
        refusal.QuerySelector("main form").ShouldBeNull("nothing to confirm");
        refusal.QuerySelector($"main a[href='{CaseworkPaths.Case(sample.CaseNumber)}']").ShouldNotBeNull();
        var posted = await browser.PostWithTokenAsync(WithdrawalOf(accepted), KeyValuePair.Create("Reason", "WithdrawnByThePerson"));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(posted)).QuerySelector("h1")!.TextContent.ShouldBe($"Referral {accepted} cannot be withdrawn");
        (await StoredAsync(accepted)).Status.ShouldBe(TriageStatus.Accepted);

        (await browser.PageAsync(WithdrawalOf(declined))).QuerySelector(".warning-text")!.TextContent
            .ShouldBe("It was declined at triage (no capacity): it has left the queue already, and the decision stays on record.");
        (await browser.PostWithTokenAsync(WithdrawalOf(declined), KeyValuePair.Create("Reason", "RecordedTwice"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StoredAsync(declined)).Status.ShouldBe(TriageStatus.Declined);

        (await ReferralEntriesAsync(accepted)).ShouldNotContain(e => e.Detail != null && e.Detail.StartsWith("withdrawn", StringComparison.Ordinal));
        (await ReferralEntriesAsync(declined)).ShouldNotContain(e => e.Detail != null && e.Detail.StartsWith("withdrawn", StringComparison.Ordinal));
        (await browser.Client.GetAsync(WithdrawalOf(999_999), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Withdrawal_OfAReferralAColleagueAcceptedAMomentBefore_IsRefused_AndWritesNothing()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var (colleague, colleagueBrowser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var referral = await ReceivedAsync();
        factory.Meanwhile.BeforeNextChange(async () =>
            (await colleagueBrowser.SubmitAsync(CaseworkPaths.Referral(referral), [new("Decision", "accept")])).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the colleague accepts it"));

        var response = await browser.SubmitAsync(WithdrawalOf(referral), [new("Reason", "WithdrawnByTheReferrer")]);

        factory.Meanwhile.Happened.ShouldBeTrue("the acceptance came between the reading and the writing");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe($"Referral {referral} cannot be withdrawn");
        page.QuerySelector(".warning-text")!.TextContent.ShouldStartWith("It was accepted: case ");
        var stored = await StoredAsync(referral);
        (stored.Status, stored.WithdrawalReason, stored.TriagedBy).ShouldBe((TriageStatus.Accepted, (WithdrawalReason?)null, colleague.Id));
        (await ReferralEntriesAsync(referral)).ShouldNotContain(e => e.Detail != null && e.Detail.StartsWith("withdrawn", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(StaffRoles.Caseworker)]
    [InlineData(StaffRoles.Clinician)]
    public async Task Withdrawal_RoleThatDoesNotTriage_GetsNotFound_AndNothingChanges(string role)
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, role);
        var referral = await ReceivedAsync();

        (await browser.Client.GetAsync(WithdrawalOf(referral), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.PostWithTokenAsync(WithdrawalOf(referral), KeyValuePair.Create("Reason", "RecordedTwice"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await StoredAsync(referral)).Status.ShouldBe(TriageStatus.Waiting);
    }
}

public sealed class SqliteReferralWithdrawalHttpTests(SqlitePortalFactory factory) : ReferralWithdrawalHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresReferralWithdrawalHttpTests(PostgresPortalFactory factory) : ReferralWithdrawalHttpTests<PostgresPortalFactory>(factory);
