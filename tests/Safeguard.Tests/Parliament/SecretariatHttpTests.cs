using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Audit.Searching;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Deadlines;
using Safeguard.Parliament.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// The APPG secretariat's staff pages through the real pipeline on each engine, over a synthetic group imported through
/// the register import: who reaches them, the register's party and notes saved with their audit entry, the group's
/// deadlines, and their reminders queued once.
/// </summary>
public abstract class SecretariatHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<int> IdOfAsync(SyntheticMp mp)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Parliamentarians.Where(p => p.MnisId == mp.MnisId).Select(p => p.Id).SingleAsync(Cancel);
    }

    private async Task<int> QueueAsync(DateOnly today)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppgReminders>().QueueAsync(today, Cancel);
    }

    private async Task<List<string>> SubjectsToAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.Subject).ToListAsync(Cancel);
    }

    [Fact]
    public async Task StaffPages_PolicyOfficerAndAdministrator_Reach_CaseworkerRefused_AnonymousSentToSignIn()
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, 93001);
        var member = ParliamentStaffPaths.Member(await IdOfAsync(mps[1]));
        foreach (var role in new[] { StaffRoles.PolicyOfficer, StaffRoles.Administrator })
        {
            var (_, browser) = await StaffBrowser.SignedInAsync(factory, role);
            foreach (var path in new[] { ParliamentStaffPaths.Home, ParliamentStaffPaths.Register, member })
            {
                (await browser.Client.GetAsync(path, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} {path}");
            }
            (await browser.PageAsync(AccountsPaths.Home)).QuerySelector($"main a[href='{ParliamentStaffPaths.Home}']").ShouldNotBeNull();
        }
        var (_, caseworker) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        (await caseworker.Client.GetAsync(ParliamentStaffPaths.Home, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await caseworker.Client.GetAsync(member, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymous = await factory.CreateStaffClient().GetAsync(member, Cancel);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(anonymous.Headers.Location).ShouldStartWith(AccountsPaths.SignIn);
    }

    [Fact]
    public async Task Register_PolicyOfficerSetsPartyAndNotes_SavedAndAuditedWithoutTheirWords()
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, 93101);
        var id = await IdOfAsync(mps[2]);
        var (officer, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        var found = await browser.PageAsync($"{ParliamentStaffPaths.Register}?name={Uri.EscapeDataString(mps[2].Name.ToUpperInvariant())}");
        found.QuerySelectorAll("main tbody a").Select(a => a.GetAttribute("href")).ShouldBe([ParliamentStaffPaths.Member(id)], "searched by name, whatever its case");

        var tooLong = await StaffBrowser.ParseAsync(await browser.SubmitAsync(ParliamentStaffPaths.Member(id), [new("Party", new string('x', 101)), new("StaffNotes", "")]));
        tooLong.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([("#Party", "The party must be 100 characters or fewer")]);

        var saved = await browser.SubmitAsync(ParliamentStaffPaths.Member(id), [new("Party", " Crossbench "), new("StaffNotes", "Spoke on detention time limits; invite to the next panel.")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.PageAsync(StaffBrowser.PathOf(saved.Headers.Location))).QuerySelector(".notification-banner").ShouldNotBeNull();

        await using var scope = factory.Services.CreateAsyncScope();
        var member = await scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Parliamentarians.AsNoTracking().SingleAsync(p => p.Id == id, Cancel);
        (member.Party, member.StaffNotes).ShouldBe(("Crossbench", "Spoke on detention time limits; invite to the next panel."));
        var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = RegisterBook.RecordType, RecordId = $"{id}" }, Cancel)).ShouldHaveSingleItem();
        (entry.Actor, entry.Action, entry.Detail).ShouldBe((officer.Id, "update", "party and staff notes changed"));
    }

    [Fact]
    public async Task Home_WithTheGroupsEntry_ShowsItsAgmReportingYearAndDeadlines()
    {
        await SyntheticRegister.ImportGroupAsync(factory, 93201);
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        var rows = (await browser.PageAsync(ParliamentStaffPaths.Home)).QuerySelectorAll("main .summary-list div")
            .Select(div => (div.QuerySelector("dt")!.TextContent, div.QuerySelector("dd")!.TextContent)).ToList();

        rows.ShouldContain(("Most recent AGM", "2 February 2026"));
        rows.ShouldContain(("Reporting year", "02 Dec to 01 Dec"));
        rows.ShouldContain(("Next AGM due by", "2 February 2027, in 84 days"), "the clock's today is 10 November 2026");
        rows.ShouldContain(("Next reporting deadline", "2 April 2027, in 143 days"));
    }

    [Fact]
    public async Task Reminders_28And7DaysBefore_QueuedOnceToEachPolicyOfficer_AndToNoOtherRole()
    {
        await SyntheticRegister.ImportGroupAsync(factory, 93301);
        var officer = await StaffBrowser.CreateAsync(factory, StaffRoles.PolicyOfficer);
        var caseworker = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);

        (await QueueAsync(new DateOnly(2027, 3, 4))).ShouldBe(0, "29 days before the reporting deadline, and the AGM's passed");
        (await QueueAsync(new DateOnly(2027, 3, 5))).ShouldBeGreaterThan(0);
        (await QueueAsync(new DateOnly(2027, 3, 6))).ShouldBe(0, "the month's reminder went the day before");
        (await QueueAsync(new DateOnly(2027, 3, 26))).ShouldBeGreaterThan(0);
        (await QueueAsync(new DateOnly(2027, 4, 2))).ShouldBe(0);

        (await SubjectsToAsync(officer.Email)).ShouldBe(["APPG: Reporting deadline 2 April 2027", "APPG: Reporting deadline 2 April 2027"]);
        (await SubjectsToAsync(caseworker.Email)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reminders_AnotherRunQueuesTheSameAMomentBefore_TheUniqueRecordKeepsItToOne()
    {
        await SyntheticRegister.ImportGroupAsync(factory, 93401);
        var officer = await StaffBrowser.CreateAsync(factory, StaffRoles.PolicyOfficer);
        var weekBeforeAgm = new DateOnly(2027, 1, 26);
        // Another node's run, past its lock, queues the reminders while this one is about to save its first.
        factory.Meanwhile.BeforeNextChange(() => QueueAsync(weekBeforeAgm), when: context => context is ParliamentDbContext);

        await QueueAsync(weekBeforeAgm);

        factory.Meanwhile.Happened.ShouldBeTrue();
        (await SubjectsToAsync(officer.Email)).ShouldBe(["APPG: Annual general meeting 2 February 2027"]);
    }
}

public sealed class SqliteSecretariatHttpTests(OwnSqlitePortalFactory factory) : SecretariatHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresSecretariatHttpTests(OwnPostgresPortalFactory factory) : SecretariatHttpTests<OwnPostgresPortalFactory>(factory);
