using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;
using Safeguard.Foi.Reminders;
using Safeguard.Foi.Requests;
using Safeguard.Foi.Staff;
using Safeguard.Platform.Web.Forms;
using Safeguard.Tests.Accounts;

namespace Safeguard.Tests.Http;

/// <summary>
/// The FOI staff pages through the real pipeline, on each engine, as a policy officer uses them: a request created,
/// refused with exemptions, taken to internal review; overdue requests on the dashboard; a series' next request
/// drafted; answer documents; the calendar feed read by an app that cannot sign in; reminders queued once; a form sent
/// twice. Dates are counted from the application's today (its clock, <see cref="MovableClock"/>, which starts on a
/// fixed working day inside the shipped bank holidays) on its own working-day calendar, so states are exact whatever
/// the real date.
/// </summary>
public abstract class FoiPagesHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DateOnly Today => factory.Clock.Today;

    private static string Typed(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private async Task<WorkingDayCalendar> CalendarAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().CalendarAsync(Cancel);
    }

    /// <summary>The working day <paramref name="count"/> working days before today.</summary>
    private DateOnly WorkingDaysAgo(WorkingDayCalendar calendar, int count)
    {
        var date = Today;
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(-1);
            if (calendar.NonWorking(date) is null)
            {
                counted++;
            }
        }
        return date;
    }

    private async Task<(StaffBrowser Browser, TestStaff Staff)> SignedInAsync(string role)
    {
        var staff = await StaffBrowser.CreateAsync(factory, role);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(staff);
        return (browser, staff);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Location(HttpResponseMessage response) => response.Headers.Location.ShouldNotBeNull().OriginalString;

    /// <summary>Fills in the new request form and sends it.</summary>
    private static Task<HttpResponseMessage> SubmitNewAsync(StaffBrowser browser, TestStaff owner, string reference, DateOnly? sent, string subject = "Use of force by centre, January to June 2026",
        params KeyValuePair<string, string>[] more) =>
        browser.SubmitAsync(FoiStaffPaths.NewRequest,
        [
            new("Reference", reference), new("Authority", "Home Office"), new("Subject", subject),
            new("Text", "Please give the number of use of force incidents at each immigration removal centre, January to June 2026."),
            new("Channel", "Email"), new("SentOn", sent is { } day ? Typed(day) : ""), new("OwnerId", owner.Id), .. more,
        ]);

    /// <summary>Fills in the new request form; returns the request page's address.</summary>
    private static async Task<string> CreateAsync(StaffBrowser browser, TestStaff owner, string reference, DateOnly? sent, string subject = "Use of force by centre, January to June 2026",
        params KeyValuePair<string, string>[] more)
    {
        var response = await SubmitNewAsync(browser, owner, reference, sent, subject, more);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Cancel));
        var location = Location(response);
        location.ShouldEndWith("?done=added");
        return location.Split('?')[0];
    }

    private static string State(IHtmlDocument page) => page.QuerySelector("main .tag").ShouldNotBeNull().TextContent;

    [Fact]
    public async Task PolicyOfficer_CreatesRefusesAndReviews_StatesFollowTheClock()
    {
        var calendar = await CalendarAsync();
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        (await officer.PageAsync(AccountsPaths.Home)).QuerySelector($"main a[href='{FoiStaffPaths.Dashboard}']").ShouldNotBeNull();

        // Nothing filled in: the summary says what to fix, and links to each field.
        var empty = await officer.SubmitAsync(FoiStaffPaths.NewRequest, [new("Authority", ""), new("SentOn", "31/02/2026")]);
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await StaffBrowser.ParseAsync(empty);
        errors.Title!.ShouldStartWith("Error: ");
        var summary = errors.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        summary.ShouldContain(("#Reference", "Enter our reference for the request, for example MJ-FOI-2026-014"));
        summary.ShouldContain(("#Authority", "Enter the public authority the request goes to, for example Home Office"));
        summary.ShouldContain(("#Subject", "Enter what the request asks about, in a line"));
        summary.ShouldContain(("#SentOn", "Enter the date sent as day/month/year, for example 14/08/2026"));
        // Fields missing, and dates out of order, are said in one round trip.
        var disordered = await StaffBrowser.ParseAsync(await officer.SubmitAsync(FoiStaffPaths.NewRequest,
            [new("Channel", "Post"), new("SentOn", Typed(Today)), new("ReceivedOn", Typed(Today.AddDays(-5)))]));
        var said = disordered.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        said.ShouldContain(("#Reference", "Enter our reference for the request, for example MJ-FOI-2026-014"));
        said.ShouldContain(("#ReceivedOn", $"The date received ({Today.AddDays(-5):d MMMM yyyy}) is before the date sent ({Today:d MMMM yyyy})"));

        // Sent today by e-mail: received today, awaiting an answer on the 20th working day.
        var reference = Unique("MJ-FOI-HTTP");
        var path = await CreateAsync(officer, staff, reference, Today);
        var page = await officer.PageAsync(path);
        page.QuerySelector("h1")!.TextContent.ShouldBe($"FOI request {reference}");
        State(page).ShouldBe("awaiting response");
        var due = calendar.AddWorkingDays(Today, 20).Date;
        page.QuerySelector("main dl")!.TextContent.ShouldContain($"Due {Written(due)}");

        // A refusal without its exemptions is sent back, pointing at them.
        var answered = Typed(Today);
        var refused = await officer.SubmitAsync($"{path}/answer", [new("Outcome", "Refused"), new("AnsweredOn", answered)]);
        var refusedPage = await StaffBrowser.ParseAsync(refused);
        refusedPage.QuerySelector(".error-summary a[href='#Exemptions']")!.TextContent.ShouldStartWith("A refusal cites the sections it relies on");
        refusedPage.QuerySelector("#Exemptions-error").ShouldNotBeNull();
        // Every rule the form breaks is said at once, each by its field: here an answer dated before the request was
        // received, and a refusal without its exemptions.
        var twice = await StaffBrowser.ParseAsync(await officer.SubmitAsync($"{path}/answer", [new("Outcome", "Refused"), new("AnsweredOn", Typed(Today.AddDays(-3)))]));
        twice.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#AnsweredOn", "#Exemptions"]);
        twice.QuerySelector("#AnsweredOn-error")!.TextContent.ShouldContain("is before the date received");
        // A rule that reads a field the form could not read waits for it: no word about exemptions none were given
        // for, nor about exemptions cited beside an outcome that could not be read.
        (await StaffBrowser.ParseAsync(await officer.SubmitAsync($"{path}/answer", [new("Outcome", "AnsweredInFull"), new("AnsweredOn", "31/02/2026")])))
            .QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#AnsweredOn"]);
        (await StaffBrowser.ParseAsync(await officer.SubmitAsync($"{path}/answer", [new("Outcome", "Upheld"), new("AnsweredOn", answered), new("Exemptions", "s.31")])))
            .QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Outcome"]);

        refused = await officer.SubmitAsync($"{path}/answer",
            [new("Outcome", "Refused"), new("AnsweredOn", answered), new("Exemptions", "s.31"), new("Exemptions", "s.38"), new("OtherExemptions", "S40(2)")]);
        Location(refused).ShouldBe($"{path}?done=answer");
        page = await officer.PageAsync(Location(refused));
        page.QuerySelector("[role=region]")!.TextContent.ShouldContain("Answer recorded.");
        State(page).ShouldBe("refused");
        page.QuerySelector("main")!.TextContent.ShouldContain("s.31; s.38; s.40(2)");

        // The review: due 20 working days after it was asked for.
        var review = await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", answered)]);
        Location(review).ShouldBe($"{path}?done=review");
        page = await officer.PageAsync(path);
        State(page).ShouldBe("in internal review");
        page.QuerySelector("main dl")!.TextContent.ShouldContain($"Due {Written(calendar.AddWorkingDays(Today, 20).Date)}");
        page.QuerySelector("main")!.TextContent.ShouldContain($"Internal review at its 40-working-day limit: {Written(calendar.AddWorkingDays(Today, 40).Date)}");

        // A review answered before it was asked for is refused, by its field.
        var backwards = await officer.SubmitAsync($"{path}/review",
            [new("ReviewRequestedOn", answered), new("ReviewAnsweredOn", Typed(Today.AddDays(-1))), new("ReviewOutcome", "Upheld")]);
        (await StaffBrowser.ParseAsync(backwards)).QuerySelector(".error-summary a[href='#ReviewAnsweredOn']")!.TextContent
            .ShouldStartWith("The date the review was answered");

        // An answered review says what it decided, and what it decided needs the date of the answer; without them the
        // form is sent back, pointing at the field, with the words the command line uses too.
        var undecided = await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", answered), new("ReviewAnsweredOn", answered)]);
        var undecidedPage = await StaffBrowser.ParseAsync(undecided);
        undecidedPage.QuerySelector(".error-summary a[href='#ReviewOutcome']")!.TextContent.ShouldBe("Choose what the internal review decided: upheld, changed in part or overturned");
        undecidedPage.QuerySelector("#ReviewOutcome-error").ShouldNotBeNull();
        undecidedPage.QuerySelector("#ReviewAnsweredOn")!.GetAttribute("value").ShouldBe(answered);
        // A date the form cannot read, and the book's rule broken beside it, are both said in one round trip.
        var both = await StaffBrowser.ParseAsync(await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", "31/02/2026"), new("ReviewAnsweredOn", answered)]));
        both.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ShouldBe([
            ("#ReviewRequestedOn", $"Enter the date the review was asked for as day/month/year, for example {FormDates.Example}"),
            ("#ReviewOutcome", "Choose what the internal review decided: upheld, changed in part or overturned"),
        ]);
        var undated = await StaffBrowser.ParseAsync(await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", answered), new("ReviewOutcome", "Upheld")]));
        undated.QuerySelector(".error-summary a[href='#ReviewAnsweredOn']")!.TextContent.ShouldBe("Enter the date the internal review was answered");
        undated.QuerySelector("input[name=ReviewOutcome][value=Upheld]")!.HasAttribute("checked").ShouldBeTrue();
        // An outcome chosen by mistake for a review still awaited can be taken back.
        Location(await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", answered), new("ReviewOutcome", "")])).ShouldBe($"{path}?done=review");
        (await officer.PageAsync($"{path}/review")).QuerySelectorAll<IHtmlInputElement>("input[name=ReviewOutcome]").Where(i => i.IsChecked).Select(i => i.NextElementSibling!.TextContent)
            .ShouldBe(["Not answered yet"]);
        var decided = await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", answered), new("ReviewAnsweredOn", answered), new("ReviewOutcome", "ChangedInPart")]);
        Location(decided).ShouldBe($"{path}?done=review");
        page = await officer.PageAsync(path);
        State(page).ShouldBe("refused");
        page.QuerySelector("main")!.TextContent.ShouldContain($"Asked for on {Written(Today)}, answered on {Written(Today)}: changed in part");
        (await officer.PageAsync($"{path}/review")).QuerySelector("input[name=ReviewOutcome][value=ChangedInPart]")!.HasAttribute("checked").ShouldBeTrue();

        // The audit trail names the request by id and says what was done, never what it asks.
        await using var scope = factory.Services.CreateAsyncScope();
        var id = path.Split('/').Last();
        var entries = await scope.ServiceProvider.GetRequiredService<Safeguard.Audit.Searching.AuditQuery>()
            .SearchAsync(new() { RecordType = "foi-request", RecordId = id }, Cancel);
        entries.Select(e => e.Detail).ShouldBe(
            [$"request {reference} added", $"request {reference}: answer recorded", $"request {reference}: internal review recorded", $"request {reference}: internal review recorded", $"request {reference}: internal review recorded"], ignoreOrder: true);
        entries.ShouldAllBe(e => e.Actor == staff.Id && !e.Detail!.Contains("use of force", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dashboard_ShowsOverdueAndVeryOverdueWithWorkingDaysLate_AndWhatIsDueSoon()
    {
        var calendar = await CalendarAsync();
        var (officer, staff) = await SignedInAsync(StaffRoles.Administrator);
        var overdue = Unique("MJ-FOI-LATE");
        var veryOverdue = Unique("MJ-FOI-VERY");
        var soon = Unique("MJ-FOI-SOON");
        await CreateAsync(officer, staff, overdue, WorkingDaysAgo(calendar, 23));
        await CreateAsync(officer, staff, veryOverdue, WorkingDaysAgo(calendar, 45));
        await CreateAsync(officer, staff, soon, WorkingDaysAgo(calendar, 15));

        var dashboard = await officer.PageAsync(FoiStaffPaths.Dashboard);
        var late = dashboard.QuerySelector("table:has(caption#late)").ShouldNotBeNull();
        var lateRow = late.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(overdue, StringComparison.Ordinal));
        lateRow.QuerySelector(".tag")!.TextContent.ShouldBe("overdue");
        lateRow.TextContent.ShouldContain("3 working days late");
        var veryRow = late.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(veryOverdue, StringComparison.Ordinal));
        veryRow.QuerySelector(".tag")!.TextContent.ShouldBe("very overdue");
        veryRow.TextContent.ShouldContain("25 working days late");
        var dueSoon = dashboard.QuerySelector("table:has(caption#soon)").ShouldNotBeNull();
        dueSoon.QuerySelector("caption")!.TextContent.ShouldStartWith("Due in the next 10 working days");
        var soonRow = dueSoon.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(soon, StringComparison.Ordinal));
        soonRow.TextContent.ShouldContain(Written(calendar.AddWorkingDays(WorkingDaysAgo(calendar, 15), 20).Date));
        dueSoon.TextContent.ShouldNotContain(overdue);

        var onlyOverdue = await officer.PageAsync($"{FoiStaffPaths.Requests}?State=Overdue");
        onlyOverdue.QuerySelector("main table")!.TextContent.ShouldContain(overdue);
        onlyOverdue.QuerySelector("main table")!.TextContent.ShouldNotContain(veryOverdue);
    }

    [Fact]
    public async Task Series_DraftTheNextRequest_MovesThePeriodOnAndTheSeriesPageListsEachPeriod()
    {
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var name = Unique("Rule 35 reports, half-yearly");
        var started = await officer.SubmitAsync(FoiStaffPaths.AllSeries, [new("Name", name), new("IntervalMonths", "6")]);
        var seriesPath = Location(started);
        var seriesId = seriesPath.Split('/').Last();
        var stem = Unique("MJ-R35");
        await CreateAsync(officer, staff, $"{stem}-007", new DateOnly(2026, 7, 1), "Rule 35 reports by centre, January to June 2026",
            new("SeriesId", seriesId), new("PeriodStart", "01/01/2026"), new("PeriodEnd", "30/06/2026"));

        var draft = await officer.PageAsync(FoiStaffPaths.NextOfSeries(int.Parse(seriesId, CultureInfo.InvariantCulture)));
        draft.QuerySelector("h1")!.TextContent.ShouldBe($"Draft the next request of {name}");
        draft.QuerySelector<IHtmlInputElement>("#Reference")!.Value.ShouldBe($"{stem}-008");
        draft.QuerySelector<IHtmlInputElement>("#Subject")!.Value.ShouldBe("Rule 35 reports by centre, July to December 2026");
        draft.QuerySelector<IHtmlTextAreaElement>("#Text")!.Value.ShouldBe("Please give the number of use of force incidents at each immigration removal centre, July to December 2026.");
        draft.QuerySelector<IHtmlInputElement>("#PeriodStart")!.Value.ShouldBe("1/7/2026");
        draft.QuerySelector<IHtmlInputElement>("#PeriodEnd")!.Value.ShouldBe("31/12/2026");
        draft.QuerySelector<IHtmlInputElement>("#SentOn")!.Value.ShouldBeNullOrEmpty("a drafted request is not sent yet");

        var fields = draft.QuerySelectorAll<IHtmlInputElement>("main form input[type=text]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("Text", draft.QuerySelector<IHtmlTextAreaElement>("#Text")!.Value)).Append(new("Channel", "Email"))
            .Append(new("SeriesId", seriesId)).Append(new("OwnerId", staff.Id)).ToList();
        var saved = await officer.SubmitAsync(FoiStaffPaths.NextOfSeries(int.Parse(seriesId, CultureInfo.InvariantCulture)), fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Cancel));

        var series = await officer.PageAsync(seriesPath);
        var rows = series.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("January to June 2026");
        rows[0].ShouldContain($"{stem}-007");
        rows[0].ShouldContain("No answer document");
        rows[1].ShouldContain("July to December 2026");
        rows[1].ShouldContain($"{stem}-008");
        rows[1].ShouldContain("draft");
    }

    [Fact]
    public async Task AnswerDocument_AttachedDownloadedAndHandedToTheImport_WithTheRequestAsSource()
    {
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var reference = Unique("MJ-FOI-DOC");
        var path = await CreateAsync(officer, staff, reference, Today);
        await officer.SubmitAsync($"{path}/details", [
            new("Reference", reference), new("Authority", "Home Office"), new("AuthorityReference", "FOI 00077"), new("Subject", "Use of force by centre"),
            new("Channel", "Email"), new("SentOn", Typed(Today)), new("OwnerId", staff.Id)]);
        await officer.SubmitAsync($"{path}/answer", [new("Outcome", "AnsweredInFull"), new("AnsweredOn", Typed(Today))]);

        (await AttachAsync(officer, path, [], "empty.csv")).QuerySelector(".error-summary a[href='#File']")!.TextContent
            .ShouldBe("empty.csv is empty: choose the file the authority sent");
        var limit = factory.Services.GetRequiredService<Safeguard.Foi.FoiSettings>().MaxDocumentBytes;
        var huge = await officer.Client.PostAsync($"{path}/documents/new", Multipart(new byte[limit + Safeguard.Platform.UploadSizeLimit.FormAllowance], "huge.pdf", ""), Cancel);
        huge.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        (await officer.PageAsync(Location(huge))).QuerySelector(".error-summary a[href='#File']")!.TextContent.ShouldStartWith("The file must be smaller than 20 MB");

        var content = Encoding.UTF8.GetBytes("Centre,Jan-Jun 2031\nBrook House IRC,300\n");
        var page = await AttachAsync(officer, path, content, "use-of-force.csv");
        page.QuerySelector("[role=region]")!.TextContent.ShouldContain("Answer document attached.");
        var link = page.QuerySelector<IHtmlAnchorElement>("main table a[download]").ShouldNotBeNull();
        link.TextContent.ShouldBe("use-of-force.csv");
        page.QuerySelector("main table .hash")!.GetAttribute("title").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        var download = await officer.Client.GetAsync(link.GetAttribute("href"), Cancel);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await download.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(content);
        page.QuerySelector("main table")!.TextContent.ShouldContain("Not imported.");

        var import = await officer.SubmitAsync(path, [], handler: "import");
        import.StatusCode.ShouldBe(HttpStatusCode.Redirect, await import.Content.ReadAsStringAsync(Cancel));
        var importPage = await officer.PageAsync(Location(import));
        importPage.QuerySelector("h1")!.TextContent.ShouldBe("Choose how to read use-of-force.csv");
        importPage.QuerySelector("main dl")!.TextContent.ShouldContain($"Answer to FOI request {reference}: Use of force by centre, Home Office, FOI 00077 ({reference}), received {Written(Today)}");

        // Someone whose role does not reach FOI requests finds nothing there, not even the document.
        var (researcher, _) = await SignedInAsync(StaffRoles.Researcher);
        (await researcher.Client.GetAsync(link.GetAttribute("href"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await researcher.Client.GetAsync(path, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnswerDocument_NamedWithARightToLeftOverride_IsListedAndServedUnderTheNameWithout()
    {
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var path = await CreateAsync(officer, staff, Unique("MJ-FOI-RLO"), Today);

        // Shown as "answerexe.csv" with the override in place.
        var page = await AttachAsync(officer, path, Encoding.UTF8.GetBytes("Centre,Jan-Jun 2031\n"), "answer\u202Evsc.exe");

        var link = page.QuerySelector<IHtmlAnchorElement>("main table a[download]").ShouldNotBeNull();
        link.TextContent.ShouldBe("answervsc.exe");
        var download = await officer.Client.GetAsync(link.GetAttribute("href"), Cancel);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("answervsc.exe");
    }

    private static MultipartFormDataContent Multipart(byte[] content, string fileName, string token)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", fileName);
        return form;
    }

    private static async Task<IHtmlDocument> AttachAsync(StaffBrowser browser, string path, byte[] content, string fileName)
    {
        var form = await browser.PageAsync($"{path}/documents/new");
        var token = form.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
        using var body = Multipart(content, fileName, token);
        var response = await browser.Client.PostAsync($"{path}/documents/new", body, Cancel);
        return response.StatusCode == HttpStatusCode.Redirect ? await browser.PageAsync(Location(response)) : await StaffBrowser.ParseAsync(response);
    }

    [Fact]
    public async Task CalendarFeed_ReadWithoutSignIn_IsRfc5545WithStableUids_AndStopsWhenRevoked()
    {
        var calendar = await CalendarAsync();
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var reference = Unique("MJ-FOI-CAL");
        var path = await CreateAsync(officer, staff, reference, Today);
        var id = path.Split('/').Last();

        var made = await officer.SubmitAsync(FoiStaffPaths.Calendar, [new("Scope", "owned")], handler: "create");
        var address = (await StaffBrowser.ParseAsync(made)).QuerySelector("#calendar-address").ShouldNotBeNull().TextContent;
        address.ShouldStartWith("https://localhost/staff/foi/calendar/");
        (await officer.PageAsync(FoiStaffPaths.Calendar)).QuerySelector("#calendar-address").ShouldBeNull("the address is shown once");

        var app = factory.CreateStaffClient();
        var response = await app.GetAsync(address, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\n", customMessage: "every line ends in CRLF");
        text.Split("\r\n").ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 75);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        unfolded.ShouldContain("VERSION:2.0");
        unfolded.Count(l => l == "BEGIN:VEVENT").ShouldBe(2, "the answer and its 40-working-day limit");
        unfolded.ShouldContain($"UID:foi-request-{id}-answer@localhost");
        unfolded.ShouldContain($"DTSTART;VALUE=DATE:{calendar.AddWorkingDays(Today, 20).Date:yyyyMMdd}");
        unfolded.ShouldContain($"DTEND;VALUE=DATE:{calendar.AddWorkingDays(Today, 20).Date.AddDays(1):yyyyMMdd}");
        unfolded.ShouldContain($"SUMMARY:FOI {reference} (Home Office): answer due");
        unfolded.ShouldContain(l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z'));
        text.ShouldNotContain("Use of force", customMessage: "events do not say what the request asks");

        // Read again, the same events keep the same UIDs.
        (await app.GetStringAsync(address, Cancel)).ShouldContain($"UID:foi-request-{id}-answer@localhost");
        // A calendar client may ask with HEAD whether the feed is there.
        using (var head = await app.SendAsync(new HttpRequestMessage(HttpMethod.Head, address), Cancel))
        {
            head.StatusCode.ShouldBe(HttpStatusCode.OK);
            head.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        }

        (await app.GetAsync(address[..^10] + "AAAAAA.ics", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await officer.SubmitAsync(FoiStaffPaths.Calendar, [], handler: "revoke");
        (await app.GetAsync(address, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reminders_DueSoonAndOverdue_AreQueuedOnceToTheOwnerWithoutWhatTheRequestAsks()
    {
        var calendar = await CalendarAsync();
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var soon = Unique("MJ-FOI-REM");
        var late = Unique("MJ-FOI-REMLATE");
        await CreateAsync(officer, staff, soon, WorkingDaysAgo(calendar, 17), "Segregation under rule 40, January to June 2026");
        await CreateAsync(officer, staff, late, WorkingDaysAgo(calendar, 22), "Segregation under rule 42, January to June 2026");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<FoiReminders>();
            (await reminders.QueueAsync(Today, Cancel)).Queued.ShouldBeGreaterThanOrEqualTo(2);
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<FoiReminders>().QueueAsync(Today, Cancel)).ShouldBe(new FoiReminderRun(0, 0, null), "each reminder goes once");
        }

        await using var check = factory.Services.CreateAsyncScope();
        var mine = await check.ServiceProvider.GetRequiredService<AccountsDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.To == staff.Email).ToListAsync(Cancel);
        mine.Select(m => m.Subject).ShouldBe([
            $"FOI {soon}: answer due {Written(calendar.AddWorkingDays(WorkingDaysAgo(calendar, 17), 20).Date)}",
            $"FOI {late}: answer due, now passed",
        ], ignoreOrder: true);
        mine.ShouldAllBe(m => !m.Subject.Contains("Segregation") && (m.Body == null || !m.Body.Contains("Segregation")));
    }

    [Fact]
    public async Task Review_AnsweredBeforeOutcomesWereRecorded_DoesNotBlockClosing_AndOnlyAnOfferedOutcomeIsTaken()
    {
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var asked = Today.AddDays(-30);
        var path = await CreateAsync(officer, staff, Unique("MJ-FOI-OLD-REVIEW"), asked);
        var id = int.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        // As the ReviewOutcome migration left a review answered before it: a date, and no outcome.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FoiDbContext>().Requests.Where(r => r.Id == id).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.ReceivedOn, asked).SetProperty(x => x.Outcome, FoiOutcome.Refused).SetProperty(x => x.AnsweredOn, asked.AddDays(2))
                .SetProperty(x => x.Exemptions, "s.31").SetProperty(x => x.ReviewRequestedOn, asked.AddDays(3)).SetProperty(x => x.ReviewAnsweredOn, asked.AddDays(10)), Cancel);
        }

        // Values the form does not offer are refused by the choice, not read as a number or a combination of flags.
        foreach (var offered in new[] { "0", "Upheld, Overturned", " Upheld" })
        {
            var handPosted = await officer.SubmitAsync($"{path}/review",
                [new("ReviewRequestedOn", Typed(asked.AddDays(3))), new("ReviewAnsweredOn", Typed(asked.AddDays(10))), new("ReviewOutcome", offered)]);
            handPosted.StatusCode.ShouldBe(HttpStatusCode.OK, offered);
            (await StaffBrowser.ParseAsync(handPosted)).QuerySelector(".error-summary a[href='#ReviewOutcome']").ShouldNotBeNull(offered);
        }

        // Its review form, sent back for a date it cannot read, asks nothing of the answer it leaves as it was.
        var unread = await StaffBrowser.ParseAsync(await officer.SubmitAsync($"{path}/review", [new("ReviewRequestedOn", "31/02/2026"), new("ReviewAnsweredOn", Typed(asked.AddDays(10)))]));
        unread.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#ReviewRequestedOn"]);

        var closed = await officer.SubmitAsync($"{path}/close", [new("ClosedOn", Typed(Today))]);

        Location(closed).ShouldBe($"{path}?done=close", "closing is not refused for an outcome the review's page did not ask for then");
        await using var check = factory.Services.CreateAsyncScope();
        var request = await check.ServiceProvider.GetRequiredService<FoiDbContext>().Requests.AsNoTracking().SingleAsync(r => r.Id == id, Cancel);
        request.ClosedOn.ShouldBe(Today);
        request.ReviewOutcome.ShouldBeNull();
    }

    [Fact]
    public async Task NewRequest_SameReferenceSavedBetweenCheckAndSave_AnswersThatItExists()
    {
        var (officer, staff) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var reference = Unique("MJ-FOI-TWICE");
        // The same form sent a moment before, saved after this one found the reference free and before it is saved.
        factory.Meanwhile.BeforeNextChange(
            async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FoiRequestBook>().AddAsync(
                    new FoiRequest { Reference = reference, Authority = "Home Office", Subject = "Use of force by centre", Text = "", OwnerId = staff.Id }, Cancel);
            },
            when: context => context.ChangeTracker.Entries<FoiRequest>().Any(e => e.State == EntityState.Added && e.Entity.Reference == reference));

        var response = await SubmitNewAsync(officer, staff, reference, Today);

        factory.Meanwhile.Happened.ShouldBeTrue("the same form was saved between this one's check and its save");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form again, saying why, not an error page");
        var page = await StaffBrowser.ParseAsync(response);
        page.QuerySelector(".error-summary a[href='#Reference']").ShouldNotBeNull().TextContent
            .ShouldBe($"There is already a request '{reference}': give this one another reference");
        page.QuerySelector<IHtmlInputElement>("#Reference")!.Value.ShouldBe(reference);
        await using var check = factory.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<FoiDbContext>().Requests.CountAsync(r => r.Reference == reference, Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task NewSeries_SameNameSavedBetweenCheckAndSave_AnswersThatItExists()
    {
        var (officer, _) = await SignedInAsync(StaffRoles.PolicyOfficer);
        var name = Unique("Use of force, half-yearly");
        factory.Meanwhile.BeforeNextChange(
            async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<FoiRequestBook>().AddSeriesAsync(name, 6, Cancel);
            },
            when: context => context.ChangeTracker.Entries<FoiSeries>().Any(e => e.State == EntityState.Added && e.Entity.Name == name));

        var response = await officer.SubmitAsync(FoiStaffPaths.AllSeries, [new("Name", name), new("IntervalMonths", "6")]);

        factory.Meanwhile.Happened.ShouldBeTrue("the same series was saved between this one's check and its save");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the form again, saying why, not an error page");
        (await StaffBrowser.ParseAsync(response)).QuerySelector(".error-summary a[href='#Name']").ShouldNotBeNull().TextContent
            .ShouldBe($"There is already a series '{name}'");
    }
}

public sealed class SqliteFoiPagesHttpTests(SqlitePortalFactory factory) : FoiPagesHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresFoiPagesHttpTests(PostgresPortalFactory factory) : FoiPagesHttpTests<PostgresPortalFactory>(factory);
