using System.Net;
using Bogus;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Parliament.Meetings;
using Safeguard.Parliament.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// The group's meetings through the real pipeline on each engine: a policy officer records one with its attendees and
/// publishes it; the public pages show what is published and nothing internal (neither an internal meeting nor the
/// secretariat's names or follow-up actions); a summary's Markdown is sanitised on the page; a PDF attached to a meeting
/// is public with its meeting and the secretariat's only without, and anything else is refused by what is wrong with it.
/// </summary>
public abstract class MeetingsHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly Faker faker = new("en_GB");

    private static KeyValuePair<string, string>[] Meeting(string title, string published, string parliamentarians, string secretariat = "", string summary = "") =>
    [
        new("Kind", nameof(MeetingKind.PanelEvent)), new("Title", title), new("Date", "20/03/2025"), new("StartsAt", "18:00"),
        new("Place", "Committee Room 14, House of Commons"), new("Parliamentarians", parliamentarians), new("Secretariat", secretariat),
        new("Speakers", "Charlie Taylor, HM Chief Inspector of Prisons"), new("Guests", "Royal College of Nursing\nIndependent Monitoring Boards"),
        new("HeadCount", "over 40 guests"), new("Summary", summary), new("Published", published),
    ];

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task PolicyOfficer_RecordsAMeetingWithAttendeesAndPublishesIt_ThePublicPagesShowItWithoutWhatIsInternal()
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, 94001);
        var (officer, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var staffName = faker.Name.FullName();
        var title = Unique("Panel on detention today");

        var saved = await browser.SubmitAsync(ParliamentStaffPaths.NewMeeting,
            Meeting(title, "yes", $"{mps[0].Name}\n\n {mps[1].Name} ", staffName, "The panel heard **three** speakers."));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Cancel));
        var meetingPath = StaffBrowser.PathOf(saved.Headers.Location);
        var added = await browser.SubmitAsync(meetingPath, [new("Action", "Send the panel's questions to the Home Office"), new("Owner", staffName), new("DueOn", "3/4/2025")]);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var staffPage = await browser.PageAsync(meetingPath);
        staffPage.QuerySelector("main")!.TextContent.ShouldContain(staffName, customMessage: "the secretariat sees its own names");
        var publicPath = staffPage.QuerySelector("main p a[href^='/parliament/events/']").ShouldNotBeNull().GetAttribute("href")!;
        publicPath.ShouldStartWith("/parliament/events/2025-03-20-panel-on-detention-today-");

        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        (await anonymous.GetStringAsync("/parliament/events", Cancel)).ShouldContain($"href=\"{publicPath}\"");
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(publicPath, Cancel));
        page.ShouldContain("20 March 2025 at 18:00");
        page.ShouldContain($"<li>{mps[0].Name} (Labour)</li>");
        page.ShouldContain($"<li>{mps[1].Name} (Conservative)</li>");
        page.ShouldContain("<li>Charlie Taylor, HM Chief Inspector of Prisons</li>");
        page.ShouldContain("<li>Royal College of Nursing</li>");
        page.ShouldContain("over 40 guests");
        page.ShouldContain("<p>The panel heard <strong>three</strong> speakers.</p>");
        page.ShouldNotContain(staffName, customMessage: "neither the secretariat's names nor the follow-up owner are public");
        page.ShouldNotContain("Send the panel's questions");

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = MeetingBook.RecordType, RecordId = meetingPath.Split('/')[^1] }, Cancel);
        entries.Select(e => (e.Actor, e.Action, e.Detail)).OrderBy(e => e.Action).ShouldBe([
            (officer.Id, "create", "PanelEvent on 2025-03-20, 6 attendees, public"),
            (officer.Id, "update", "follow-up action due 2025-04-03 added"),
        ]);
    }

    [Fact]
    public async Task InternalMeeting_IsNeitherListedNorPublic_UntilPublished()
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, 94101);
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var title = Unique("Internal briefing");
        var saved = await browser.SubmitAsync(ParliamentStaffPaths.NewMeeting, Meeting(title, "no", mps[0].Name));
        var meetingPath = StaffBrowser.PathOf(saved.Headers.Location);
        var slug = $"2025-03-20-{title.ToLowerInvariant().Replace(' ', '-')}";
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        (await anonymous.GetStringAsync("/parliament/events", Cancel)).ShouldNotContain(title);
        (await anonymous.GetAsync($"/parliament/events/{slug}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await browser.SubmitAsync($"{meetingPath}/edit", Meeting(title, "yes", mps[0].Name))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync($"/parliament/events/{slug}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "published once changed, at the address it had");
    }

    [Fact]
    public async Task Summary_WithAScriptAndAJavascriptLink_IsNotInThePage()
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, 94201);
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var saved = await browser.SubmitAsync(ParliamentStaffPaths.NewMeeting, Meeting(Unique("Visit"), "yes", mps[0].Name,
            summary: "Before <script>alert('x')</script> after.\n\n<img src=x onerror=alert(1)>\n\n[a link](javascript:alert(2))"));
        var staffPage = await browser.PageAsync(StaffBrowser.PathOf(saved.Headers.Location));
        var publicPath = staffPage.QuerySelector("main p a[href^='/parliament/events/']").ShouldNotBeNull().GetAttribute("href")!;

        var page = await factory.CreateClient().GetStringAsync(publicPath, Cancel);

        page.ShouldNotContain("<script>alert");
        page.ShouldNotContain("<img");
        page.ShouldNotContain("javascript:");
        page.ShouldContain("Before");
    }

    [Fact]
    public async Task NewMeeting_NameNotOnTheRegisterAndFieldsMissing_SaysWhatToFixByEachField()
    {
        await SyntheticRegister.ImportGroupAsync(factory, 94301);
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);

        var missing = await StaffBrowser.ParseAsync(await browser.SubmitAsync(ParliamentStaffPaths.NewMeeting, [new("Date", "31/02/2025"), new("StartsAt", "25:00")]));
        missing.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Kind", "#Title", "#Date", "#StartsAt", "#Place", "#Published"]);

        var unknown = await StaffBrowser.ParseAsync(await browser.SubmitAsync(ParliamentStaffPaths.NewMeeting, Meeting(Unique("Meeting"), "no", "Lord Nobody of Nowhere")));
        unknown.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#Parliamentarians", "Write each parliamentarian as the register names them, one a line; not found, or found twice: Lord Nobody of Nowhere")]);
    }

    /// <summary>A meeting recorded through the form, public or not, and the path of its staff page.</summary>
    private async Task<(StaffBrowser Browser, string MeetingPath, string Officer, KeyValuePair<string, string>[] Internal)> MeetingAsync(int firstMnisId, string published)
    {
        var mps = await SyntheticRegister.ImportGroupAsync(factory, firstMnisId);
        var (officer, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.PolicyOfficer);
        var title = Unique("Visit to an IRC");
        var saved = await browser.SubmitAsync(ParliamentStaffPaths.NewMeeting, Meeting(title, published, mps[0].Name));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (browser, StaffBrowser.PathOf(saved.Headers.Location), officer.Id, Meeting(title, "no", mps[0].Name));
    }

    /// <summary>Sends the meeting page's document form with <paramref name="title"/> and a file, as a browser would.</summary>
    private static async Task<HttpResponseMessage> AttachAsync(StaffBrowser browser, string meetingPath, string title, byte[]? content, string fileName = "agenda.pdf")
    {
        var form = (await browser.PageAsync(meetingPath)).QuerySelectorAll("main form[enctype='multipart/form-data']").ShouldHaveSingleItem();
        using var body = new MultipartFormDataContent
        {
            { new StringContent(title), "Title" },
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        if (content is not null)
        {
            body.Add(new ByteArrayContent(content), "File", fileName);
        }
        return await browser.Client.PostAsync(form.GetAttribute("action"), body, Cancel);
    }

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Document_OnAPublishedMeeting_ListedAndDownloadableByAnyone_Audited_AndStaffOnlyOnceInternal()
    {
        var (browser, meetingPath, officer, madeInternal) = await MeetingAsync(94401, "yes");

        var attached = await AttachAsync(browser, meetingPath, "Agenda of the visit", Pdf);
        attached.StatusCode.ShouldBe(HttpStatusCode.Redirect, await attached.Content.ReadAsStringAsync(Cancel));
        var staffPage = await browser.PageAsync(meetingPath);
        var staffLink = staffPage.QuerySelectorAll("#documents + ul a").ShouldHaveSingleItem();
        staffLink.TextContent.ShouldBe("Agenda of the visit (PDF, 77 bytes)");
        var publicPath = staffPage.QuerySelector("main p a[href^='/parliament/events/']").ShouldNotBeNull().GetAttribute("href")!;
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var publicLink = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await anonymous.GetStringAsync(publicPath, Cancel))
            .QuerySelectorAll("main a[download]").ShouldHaveSingleItem();
        publicLink.TextContent.ShouldBe("Agenda of the visit (PDF, 77 bytes)");
        var download = await anonymous.GetAsync(publicLink.GetAttribute("href"), Cancel);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await download.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(Pdf);

        (await browser.SubmitAsync($"{meetingPath}/edit", madeInternal)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(publicLink.GetAttribute("href"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "an internal meeting's documents are the secretariat's");
        (await browser.Client.GetByteArrayAsync(staffLink.GetAttribute("href"), Cancel)).ShouldBe(Pdf);

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = MeetingBook.RecordType, RecordId = meetingPath.Split('/')[^1] }, Cancel);
        entries.ShouldContain(e => e.Actor == officer && e.Action == "update" && e.Detail!.StartsWith("document sha256:", StringComparison.Ordinal) && e.Detail.EndsWith(" attached (77 bytes)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_NotAPdfEmptyMissingOrTooLarge_RefusedSayingWhatAndWhere_NothingSaved()
    {
        var (browser, meetingPath, _, _) = await MeetingAsync(94501, "yes");

        var notPdf = await StaffBrowser.ParseAsync(await AttachAsync(browser, meetingPath, "Minutes", "Minutes of the meeting"u8.ToArray(), "minutes.pdf"));
        notPdf.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#File", "minutes.pdf is not a PDF: its contents are not those of a PDF, whatever its name says. Save or print it as a PDF and choose that")]);
        var empty = await StaffBrowser.ParseAsync(await AttachAsync(browser, meetingPath, "", [], "blank.pdf"));
        empty.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#Title", "Enter the document's title, for example Agenda"), ("#File", "blank.pdf is empty: choose the PDF again, or another")]);
        var missing = await StaffBrowser.ParseAsync(await AttachAsync(browser, meetingPath, "Minutes", null));
        missing.QuerySelectorAll(".error-summary a").Select(a => a.TextContent).ShouldBe(["Choose the PDF to attach"]);
        var documents = $"{meetingPath}/documents";
        using var huge = new MultipartFormDataContent { { new ByteArrayContent(new byte[factory.Services.GetRequiredService<Safeguard.Parliament.ParliamentSettings>().MaxDocumentBytes + Safeguard.Platform.UploadSizeLimit.FormAllowance + 1]), "File", "huge.pdf" } };
        var sentBack = await browser.Client.PostAsync(documents, huge, Cancel);
        sentBack.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await browser.PageAsync(StaffBrowser.PathOf(sentBack.Headers.Location))).QuerySelector(".error-summary a[href='#File']")!.TextContent
            .ShouldBe("The PDF must be smaller than 20 MB; make it smaller (fewer pages or images), or ask an administrator to raise Safeguard:Parliament:MaxDocumentBytes");

        (await browser.PageAsync(meetingPath)).QuerySelector("#documents + p")!.TextContent.ShouldBe("None yet.");
        var (_, caseworker) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        (await caseworker.Client.GetAsync(documents, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymous = await factory.CreateStaffClient().GetAsync(documents, Cancel);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        StaffBrowser.PathOf(anonymous.Headers.Location).ShouldStartWith(Safeguard.Accounts.AccountsPaths.SignIn);
    }
}

public sealed class SqliteMeetingsHttpTests(OwnSqlitePortalFactory factory) : MeetingsHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresMeetingsHttpTests(OwnPostgresPortalFactory factory) : MeetingsHttpTests<OwnPostgresPortalFactory>(factory);
