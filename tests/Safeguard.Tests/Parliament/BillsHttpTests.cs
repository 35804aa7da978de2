using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Parliament.Bills;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// A bill's public page through the real pipeline on each engine: its stages, the amendments the charity supports
/// (with mover, supporters, stage, outcome and votes) and its published briefings, never an amendment it does not
/// support nor an internal briefing; and a policy officer adding an internal briefing, audited.
/// </summary>
public abstract class BillsHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A synthetic bill: a Commons stage, an amendment supported (negatived on a division) and one not, a public briefing and an internal one.</summary>
    private async Task<(Bill Bill, List<SyntheticMp> Mps)> BillAsync(int firstMnisId)
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, firstMnisId);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParliamentDbContext>();
        var members = db.Parliamentarians.Where(p => p.MnisId != null && mps.Select(m => m.MnisId).Contains(p.MnisId)).ToDictionary(p => p.MnisId!);
        var report = new BillStage { House = House.Commons, Name = "Report stage", Date = new DateOnly(2025, 5, 18) };
        var supported = new Amendment
        {
            Number = "NC12",
            Clause = "New clause",
            ShortTitle = "Time limit on detention",
            Mover = members[mps[0].MnisId],
            Stage = report,
            DebatedOn = report.Date,
            Outcome = AmendmentOutcome.NegativedOnDivision,
            VotesFor = 120,
            VotesAgainst = 180,
            Supported = true,
            Supporters = [new AmendmentSupporter { Parliamentarian = members[mps[1].MnisId] }],
        };
        var bill = new Bill
        {
            Slug = $"synthetic-bill-{Guid.NewGuid():N}",
            Title = "Synthetic Detention Bill",
            ParliamentUrl = "https://bills.parliament.uk/bills/1",
            Stages = [new BillStage { House = House.Commons, Name = "First reading", Date = new DateOnly(2025, 1, 30) }, report],
            Amendments = [supported, new Amendment { Clause = "Clause 4", ShortTitle = "Wider powers to detain", Mover = members[mps[2].MnisId] }],
            Briefings =
            [
                new Briefing { Title = "Briefing for report stage", Date = new DateOnly(2025, 5, 12), Audience = "MPs", CoSignedWith = "a coalition of charities", Published = true },
                new Briefing { Title = "Notes for the Chair", Date = new DateOnly(2025, 5, 13), Audience = "The Chair", Published = false },
            ],
        };
        db.Bills.Add(bill);
        await db.SaveChangesAsync(Cancel);
        return (bill, mps);
    }

    [Fact]
    public async Task BillPage_ShowsStagesSupportedAmendmentsAndPublicBriefings_NotTheRest()
    {
        var (bill, mps) = await BillAsync(95001);

        var response = await factory.CreateClient().GetAsync(BillWords.PublicPage(bill.Slug), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        page.ShouldContain("<tr><td>30 January 2025</td><td>House of Commons</td><td>First reading</td></tr>");
        page.ShouldContain("href=\"https://bills.parliament.uk/bills/1\"");
        page.ShouldContain("Time limit on detention");
        page.ShouldContain($"<dd>{mps[0].Name}</dd>");
        page.ShouldContain($"<dd>{mps[1].Name}</dd>");
        page.ShouldContain("<dd>House of Commons, 18 May 2025 (report stage)</dd>");
        page.ShouldContain("<dd>Negatived on a division: 120 for, 180 against</dd>");
        page.ShouldContain("Briefing for report stage: for MPs, 12 May 2025, with a coalition of charities");
        page.ShouldNotContain("Wider powers to detain", customMessage: "an amendment the charity does not support");
        page.ShouldNotContain("Notes for the Chair", customMessage: "an internal briefing");
        (await factory.CreateClient().GetStringAsync(BillWords.PublicList, Cancel)).ShouldContain($"href=\"{BillWords.PublicPage(bill.Slug)}\"");
        (await factory.CreateClient().GetAsync(BillWords.PublicPage("no-such-bill"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PolicyOfficer_AddsAnInternalBriefing_AuditedAndKeptOffThePublicPage()
    {
        var (bill, _) = await BillAsync(95101);
        var (officer, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var staffPath = $"/staff/parliament/bills/{bill.Slug}";

        var missing = await StaffBrowser.ParseAsync(await browser.SubmitAsync(staffPath, [new("DocumentUrl", "not an address")]));
        missing.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Title", "#Date", "#Audience", "#DocumentUrl", "#Published"]);
        var saved = await browser.SubmitAsync(staffPath, [new("Title", "Lines to take with the Minister"), new("Date", "14/05/2025"), new("Audience", "Officers of the group"), new("Published", "no")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await browser.PageAsync(staffPath)).QuerySelector("main")!.TextContent.ShouldContain("Lines to take with the Minister: for Officers of the group, 14 May 2025. Internal.");
        (await factory.CreateClient().GetStringAsync(BillWords.PublicPage(bill.Slug), Cancel)).ShouldNotContain("Lines to take with the Minister");
        await using var scope = factory.Services.CreateAsyncScope();
        var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = BillBook.RecordType, RecordId = $"{bill.Id}" }, Cancel)).ShouldHaveSingleItem();
        (entry.Actor, entry.Action, entry.Detail).ShouldBe((officer.Id, "update", "internal briefing added"));
    }
}

public sealed class SqliteBillsHttpTests(OwnSqlitePortalFactory factory) : BillsHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresBillsHttpTests(OwnPostgresPortalFactory factory) : BillsHttpTests<OwnPostgresPortalFactory>(factory);
