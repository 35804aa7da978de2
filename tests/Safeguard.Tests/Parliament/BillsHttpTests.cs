using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Parliament.Bills;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// A bill's public page through the real pipeline on each engine: its stages, the amendments the charity supports
/// (with mover, supporters, stage, outcome and votes) and its published briefings, never an amendment it does not
/// support nor an internal briefing; a policy officer adding an internal briefing, audited; and the secretariat's forms
/// for a bill, its stages and its amendments, each change audited, with their errors by field.
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

    private static KeyValuePair<string, string>[] AmendmentFields(SyntheticMp mover, string supporters, string outcome, string votesFor, string votesAgainst, string supported, string stage = "", string debatedOn = "") =>
    [
        new("Number", "NC7"), new("Clause", "New clause"), new("ShortTitle", "Independent review of every detention"), new("Text", "Detention beyond 72 hours needs a judge's approval."),
        new("Mover", mover.Name), new("Supporters", supporters), new("Stage", stage), new("DebatedOn", debatedOn), new("Outcome", outcome),
        new("VotesFor", votesFor), new("VotesAgainst", votesAgainst), new("DebateUrl", "https://hansard.parliament.uk/Lords/2025-09-03/debates/1"), new("Supported", supported),
    ];

    [Fact]
    public async Task PolicyOfficer_FollowsABillWithAStageAndAnAmendment_ThePublicPageShowsThem_EachChangeAudited()
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, 95201);
        var (officer, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var title = $"Synthetic Removals Bill {Guid.NewGuid().ToString("N")[..6]}";

        var added = await browser.SubmitAsync(ParliamentStaffPaths.NewBill, [new("Title", title), new("ParliamentUrl", "https://bills.parliament.uk/bills/2")]);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync(Cancel));
        var billPath = StaffBrowser.PathOf(added.Headers.Location);
        var slug = billPath.Split('/')[^1];
        slug.ShouldStartWith("synthetic-removals-bill-");
        (await browser.SubmitAsync(ParliamentStaffPaths.NewStage(slug), [new("House", "Lords"), new("Stage", "Committee stage"), new("Date", "3/9/2025")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stage = (await browser.PageAsync(ParliamentStaffPaths.NewAmendment(slug))).QuerySelectorAll("select#Stage option")[^1].GetAttribute("value")!;
        (await browser.SubmitAsync(ParliamentStaffPaths.NewAmendment(slug),
                AmendmentFields(mps[0], $"{mps[1].Name}\n{mps[2].Name}", "NegativedOnDivision", "151", "203", "yes", stage, "03/09/2025")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(BillWords.PublicPage(slug), Cancel));
        page.ShouldContain($"<h1>{title}</h1>");
        page.ShouldContain("href=\"https://bills.parliament.uk/bills/2\"");
        page.ShouldContain("<tr><td>3 September 2025</td><td>House of Lords</td><td>Committee stage</td></tr>");
        page.ShouldContain("<dd>NC7, New clause</dd>");
        page.ShouldContain($"<dd>{mps[0].Name}</dd>");
        page.ShouldContain($"<dd>{string.Join(", ", new[] { mps[1].Name, mps[2].Name }.Order(StringComparer.Ordinal))}</dd>");
        page.ShouldContain("<dd>House of Lords, 3 September 2025 (committee stage)</dd>");
        page.ShouldContain("<dd>Negatived on a division: 151 for, 203 against</dd>");
        page.ShouldContain("href=\"https://hansard.parliament.uk/Lords/2025-09-03/debates/1\"");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParliamentDbContext>();
        var bill = db.Bills.Single(b => b.Slug == slug);
        var amendment = db.Amendments.Single(a => a.BillId == bill.Id);
        var audit = scope.ServiceProvider.GetRequiredService<AuditQuery>();
        (await audit.SearchAsync(new AuditSearch { RecordType = BillBook.RecordType, RecordId = $"{bill.Id}" }, Cancel)).Select(e => (e.Actor, e.Action, e.Detail)).OrderBy(e => e.Action)
            .ShouldBe([(officer.Id, "create", "bill added"), (officer.Id, "update", "Lords stage on 2025-09-03 added")]);
        (await audit.SearchAsync(new AuditSearch { RecordType = BillBook.AmendmentRecordType, RecordId = $"{amendment.Id}" }, Cancel)).ShouldHaveSingleItem()
            .Detail.ShouldBe($"bill {bill.Id}, 2 supporters, outcome NegativedOnDivision, supported");
    }

    [Fact]
    public async Task PolicyOfficer_ChangesAnAmendmentToNotSupported_ItLeavesThePublicPage_Audited()
    {
        var (bill, mps) = await BillAsync(95301);
        var amendment = bill.Amendments[0];
        var (officer, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var editPath = ParliamentStaffPaths.EditAmendment(bill.Slug, amendment.Id);
        var form = await browser.PageAsync(editPath);
        form.QuerySelector<IHtmlInputElement>("input#Mover").ShouldNotBeNull().Value.ShouldBe(mps[0].Name, "the form shows what was recorded");
        form.QuerySelector<IHtmlInputElement>("input#VotesFor").ShouldNotBeNull().Value.ShouldBe("120");

        (await browser.SubmitAsync(editPath, AmendmentFields(mps[0], "", "Withdrawn", "", "", "no", $"{amendment.StageId}", "18/05/2025"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await factory.CreateClient().GetStringAsync(BillWords.PublicPage(bill.Slug), Cancel);
        page.ShouldNotContain("Time limit on detention");
        page.ShouldNotContain("Independent review of every detention");
        (await browser.PageAsync(ParliamentStaffPaths.Bill(bill.Slug))).QuerySelector("main")!.TextContent
            .ShouldContain("New clause: Independent review of every detention, moved by " + mps[0].Name + ". Withdrawn after debate. We do not support it.");
        await using var scope = factory.Services.CreateAsyncScope();
        var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = BillBook.AmendmentRecordType, RecordId = $"{amendment.Id}" }, Cancel)).ShouldHaveSingleItem();
        (entry.Actor, entry.Action, entry.Detail).ShouldBe((officer.Id, "update", $"bill {bill.Id}, 0 supporters, outcome Withdrawn, not supported"));
    }

    [Fact]
    public async Task AmendmentForm_MissingFieldsVotesAndUnknownNames_SaysWhatToFixByEachField_SavesNothing()
    {
        var (bill, mps) = await BillAsync(95401);
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var path = ParliamentStaffPaths.NewAmendment(bill.Slug);

        var missing = await StaffBrowser.ParseAsync(await browser.SubmitAsync(path, [new("Outcome", "NegativedOnDivision"), new("VotesFor", "many")]));
        missing.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Clause", "#ShortTitle", "#Mover", "#DebatedOn", "#VotesFor", "#VotesAgainst", "#Supported"]);
        var votesWithoutDivision = await StaffBrowser.ParseAsync(await browser.SubmitAsync(path, AmendmentFields(mps[0], "", "NotMoved", "3", "", "yes", debatedOn: "18/05/2025")));
        votesWithoutDivision.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#VotesFor", "Leave the votes empty: only an amendment agreed or negatived on a division has them")]);
        var unknown = await StaffBrowser.ParseAsync(await browser.SubmitAsync(path, AmendmentFields(mps[0] with { Name = "Lord Nobody" }, $"{mps[1].Name}\nBaroness Nowhere", "", "", "", "yes")));
        unknown.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([
            ("#Mover", "Write the mover as the register names them; not found, or found twice"),
            ("#Supporters", "Write each supporter as the register names them, one a line; not found, or found twice: Baroness Nowhere"),
        ]);
        var stageForm = await StaffBrowser.ParseAsync(await browser.SubmitAsync(ParliamentStaffPaths.NewStage(bill.Slug), [new("Stage", "Tea break"), new("Date", "31/02/2025")]));
        stageForm.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#House", "#Stage", "#Date"]);

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Amendments.Count(a => a.BillId == bill.Id).ShouldBe(2, "nothing saved");
    }

    [Fact]
    public async Task BillForms_CaseworkerRefused_AnonymousSentToSignIn_NothingSaved()
    {
        var (bill, _) = await BillAsync(95501);
        var (_, caseworker) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        foreach (var path in new[] { ParliamentStaffPaths.NewBill, ParliamentStaffPaths.EditBill(bill.Slug), ParliamentStaffPaths.NewStage(bill.Slug), ParliamentStaffPaths.NewAmendment(bill.Slug) })
        {
            (await caseworker.Client.GetAsync(path, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await caseworker.PostWithTokenAsync(path, [new("Title", "Caseworker's bill"), new("House", "Commons"), new("Stage", "Fell"), new("Date", "1/1/2025")]))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            var anonymous = await factory.CreateStaffClient().GetAsync(path, Cancel);
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            StaffBrowser.PathOf(anonymous.Headers.Location).ShouldStartWith(AccountsPaths.SignIn);
        }
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParliamentDbContext>();
        db.Bills.Any(b => b.Title == "Caseworker's bill").ShouldBeFalse();
        db.BillStages.Count(s => s.BillId == bill.Id).ShouldBe(2);
    }
}

public sealed class SqliteBillsHttpTests(OwnSqlitePortalFactory factory) : BillsHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresBillsHttpTests(OwnPostgresPortalFactory factory) : BillsHttpTests<OwnPostgresPortalFactory>(factory);
