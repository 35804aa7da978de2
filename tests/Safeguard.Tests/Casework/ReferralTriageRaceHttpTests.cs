using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Casework.Referrals;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// Two supervisors deciding about one referral at the same moment, through the real pipeline, on each engine: the
/// decision (or withdrawal) written first stands; the second is answered with what happened, and writes nothing: no
/// second case, no change to the referral, no audit entry.
/// </summary>
public abstract class ReferralTriageRaceHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, (string Path, KeyValuePair<string, string>[] Fields, TriageStatus Status)> ColleagueActs = new()
    {
        ["accept"] = ("", [new("Decision", "accept")], TriageStatus.Accepted),
        ["decline"] = ("", [new("Decision", "decline"), new("DeclineReason", "NoCapacity")], TriageStatus.Declined),
        ["withdraw"] = ("/withdraw", [new("Reason", "WithdrawnByThePerson")], TriageStatus.Withdrawn),
    };

    [Theory]
    [InlineData("accept", "accept")]
    [InlineData("decline", "accept")]
    [InlineData("withdraw", "accept")]
    [InlineData("accept", "decline")]
    [InlineData("decline", "decline")]
    [InlineData("withdraw", "decline")]
    public async Task Triage_OfAReferralAColleagueDecidedAMomentBefore_SaysWhatHappened_AndWritesNothing(string colleagueAct, string decision)
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var (colleague, colleagueBrowser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        int referral;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            referral = int.Parse(await scope.ServiceProvider.GetRequiredService<ReferralDesk>()
                .ReceiveAsync(CaseworkSamples.Referral("Ottoline Fairweather-Nakamura"), ReferralArrival.PublicForm, Cancel), CultureInfo.InvariantCulture);
        }
        var (path, fields, status) = ColleagueActs[colleagueAct];
        factory.Meanwhile.BeforeNextChange(async () =>
            (await colleagueBrowser.SubmitAsync(CaseworkPaths.Referral(referral) + path, fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the colleague's {colleagueAct}"));

        var response = await browser.SubmitAsync(CaseworkPaths.Referral(referral),
            decision == "accept" ? [new("Decision", "accept")] : [new("Decision", "decline"), new("DeclineReason", "OutsideRemit")]);

        factory.Meanwhile.Happened.ShouldBeTrue("the colleague's decision came between the reading and the writing");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(response)).QuerySelector("#overtaken")!.TextContent
            .ShouldBe($"Referral {referral} had already been {colleagueAct switch { "accept" => "accepted", "decline" => "declined", _ => "withdrawn" }} when your decision reached it: your decision was not saved. What was decided is below.");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.Id == referral, Cancel);
            (stored.Status, stored.TriagedBy, stored.DeclineReason == DeclineReason.OutsideRemit).ShouldBe((status, colleague.Id, false));
            var audit = scope.ServiceProvider.GetRequiredService<AuditQuery>();
            (await audit.SearchAsync(new AuditSearch { RecordType = "case", Action = AuditAction.Create, Limit = AuditSearch.MaxLimit }, Cancel))
                .Count(e => e.Detail!.StartsWith($"case opened from referral {referral};", StringComparison.Ordinal)).ShouldBe(colleagueAct == "accept" ? 1 : 0, "one case at most, the colleague's");
            (await audit.SearchAsync(new AuditSearch { RecordType = "referral", RecordId = referral.ToString(CultureInfo.InvariantCulture), Action = AuditAction.Update, Limit = 100 }, Cancel))
                .Select(e => e.Actor).ShouldBe(colleagueAct == "accept" ? [] : [colleague.Id], "the colleague's decline or withdrawal, and nothing of the decision not saved");
        }
    }
}

public sealed class SqliteReferralTriageRaceHttpTests(SqlitePortalFactory factory) : ReferralTriageRaceHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresReferralTriageRaceHttpTests(PostgresPortalFactory factory) : ReferralTriageRaceHttpTests<PostgresPortalFactory>(factory);
