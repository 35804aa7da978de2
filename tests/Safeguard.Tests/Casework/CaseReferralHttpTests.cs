using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Casework.Referrals;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// The referral carried into the case, through the real pipeline, on each engine: the case opened from it shows the
/// concern, urgency, who referred and their contact, and starts with a stay where the referrer said the person is
/// held; only those who may open the case read it there; a referral for a person who already has a case joins it.
/// </summary>
public abstract class CaseReferralHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<int> ReceiveAsync(string personName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return int.Parse(await scope.ServiceProvider.GetRequiredService<ReferralDesk>()
            .ReceiveAsync(CaseworkSamples.Referral(personName), ReferralArrival.PublicForm, Cancel), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Accept_CaseCarriesTheReferral_ReadByTheAssignedCaseworker_AndByNobodyElse()
    {
        var (caseworker, caseworkerBrowser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var (_, supervisor) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var referral = await ReceiveAsync("Isolde Brackenridge-Oyelaran");

        var accepted = await supervisor.SubmitAsync(CaseworkPaths.Referral(referral), [new("Decision", "accept"), new("Assign", caseworker.Id)]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var casePath = StaffBrowser.PathOf(accepted.Headers.Location);

        var page = await caseworkerBrowser.PageAsync(casePath);
        var carried = page.QuerySelector($"#referral-{referral} + dl").ShouldNotBeNull().TextContent;
        carried.ShouldContain("Scars on both forearms; not sleeping; thoughts of suicide.");
        carried.ShouldContain("Urgent");
        carried.ShouldContain("A lawyer: Test Referrer, Example Law LLP");
        carried.ShouldContain("referrer@example.org");
        page.QuerySelector($"a[href='{CaseworkPaths.Referral(referral)}']").ShouldBeNull("the triage page is for supervisors");
        var stay = page.QuerySelector("#detention-caption").ShouldNotBeNull().ParentElement!.QuerySelector("tbody tr").ShouldNotBeNull().TextContent;
        stay.ShouldContain("Brook House");
        stay.ShouldContain("10 November 2026", Case.Sensitive, "the first stay is dated from the day the referral came");
        stay.ShouldContain("Still there");
        (await CaseworkSamples.CaseEntriesAsync(factory.Services, caseworker.Id, casePath[(CaseworkPaths.Cases.Length + 1)..]))
            .ShouldContain(e => e.Action == "read" && e.Detail == "case page");

        var (_, other) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var refused = await other.Client.GetAsync(casePath, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("referrer@example.org");
        (await other.Client.GetAsync(CaseworkPaths.Referral(referral), Cancel)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Attach_ReferralForAPersonWithACase_JoinsThatCase_AndOpensNoOther()
    {
        var (caseworker, caseworkerBrowser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var (supervisorStaff, supervisor) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id], personName: "Peregrine Oduya-Lindqvist");

        var unknown = await supervisor.SubmitAsync(CaseworkPaths.Referral(sample.WaitingReferral), [new("Decision", "attach"), new("AttachTo", "C-2024-99999999")]);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StaffBrowser.ParseAsync(unknown)).QuerySelector("#AttachTo-error").ShouldNotBeNull().TextContent.ShouldContain("There is no case with that number");

        var attached = await supervisor.SubmitAsync(CaseworkPaths.Referral(sample.WaitingReferral), [new("Decision", "attach"), new("AttachTo", sample.CaseNumber)]);
        attached.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(attached.Headers.Location).ShouldBe(CaseworkPaths.Case(sample.CaseNumber));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            var clientId = await db.Clients.Where(c => c.CaseNumber == sample.CaseNumber).Select(c => c.Id).SingleAsync(Cancel);
            var referral = await db.Referrals.SingleAsync(r => r.Id == sample.WaitingReferral, Cancel);
            (referral.Status, referral.ClientId).ShouldBe((TriageStatus.Accepted, clientId));
            (await db.Referrals.CountAsync(r => r.ClientId == clientId, Cancel)).ShouldBe(2, "the referral that opened the case and the one attached to it");
        }
        var page = await caseworkerBrowser.PageAsync(CaseworkPaths.Case(sample.CaseNumber));
        page.QuerySelector($"#referral-{sample.WaitingReferral}").ShouldNotBeNull("the case shows the referral attached to it");
        (await CaseworkSamples.CaseEntriesAsync(factory.Services, supervisorStaff.Id, sample.CaseNumber))
            .ShouldContain(e => e.Action == "update" && e.Detail == $"referral {sample.WaitingReferral} attached to the case; supervisor, not assigned");
    }
}

public sealed class SqliteCaseReferralHttpTests(SqlitePortalFactory factory) : CaseReferralHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresCaseReferralHttpTests(PostgresPortalFactory factory) : CaseReferralHttpTests<PostgresPortalFactory>(factory);
