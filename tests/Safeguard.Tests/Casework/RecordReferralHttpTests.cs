using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Casework.Referrals;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// Staff recording a referral that came by telephone, letter, e-mail or in person, through the real pipeline on each
/// engine: it waits in the queue with how and when it came, its confirmation and its audit entry name nobody, its
/// fields are stored encrypted, a wrong form says what to fix and where and keeps nothing, and only caseworkers and
/// supervisors may record one.
/// </summary>
public abstract class RecordReferralHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private DateOnly Today => factory.Clock.Today;

    /// <summary>A letter from a visitor group about a synthetic person, opened <paramref name="receivedOn"/>.</summary>
    private static KeyValuePair<string, string>[] Letter(string person, DateOnly receivedOn, string consent = "yes") =>
    [
        new("Channel", "Letter"), new("ReceivedOn", Day(receivedOn)),
        new("ReferrerKind", "VisitorGroup"), new("ReferrerName", "Ada Visitor"), new("Organisation", "Example Visitors Group"), new("Telephone", "020 7946 0123"),
        new("PersonName", person), new("DateOfBirth", "02/05/1988"), new("Nationality", "Utopian"), new("Centre", "brook-house"),
        new("Concern", "Burn scars on his chest; has stopped eating."), new("Urgency", "Urgent"), new("Consent", consent),
    ];

    private Task<(TestStaff Staff, StaffBrowser Browser)> SignedInAsync(string role) => StaffBrowser.SignedInAsync(factory, role);

    private async Task<int> ReferralCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.CountAsync(Cancel);
    }

    [Fact]
    public async Task RecordReferral_Caseworker_WaitsInTheQueueWithHowAndWhenItCame_AndTheConfirmationNamesNobody()
    {
        const string Person = "Wilhelmina Ashcombe-Nwosu";
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var receivedOn = Today.AddDays(-3);

        (await browser.PageAsync(CaseworkPaths.Dashboard)).QuerySelector($"main a[href='{CaseworkPaths.RecordReferral}']").ShouldNotBeNull("the dashboard links to the form");
        var form = await browser.PageAsync(CaseworkPaths.RecordReferral);
        form.QuerySelector<IHtmlInputElement>("#ReceivedOn")!.Value.ShouldBe(Today.ToString("d/M/yyyy", CultureInfo.InvariantCulture), "the day received is today unless changed");
        var response = await browser.SubmitAsync(CaseworkPaths.RecordReferral, Letter(Person, receivedOn));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Cancel));
        var confirmation = StaffBrowser.PathOf(response.Headers.Location);
        confirmation.ShouldMatch(@"^/staff/referrals/\d+/recorded$");
        var id = int.Parse(confirmation.Split('/')[3], CultureInfo.InvariantCulture);
        var recorded = await browser.PageAsync(confirmation);
        recorded.QuerySelector("h1")!.TextContent.ShouldBe($"Referral {id} recorded");
        var said = recorded.QuerySelector("main")!.TextContent;
        said.ShouldContain("Letter");
        said.ShouldContain(receivedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        foreach (var personal in new[] { Person, "Ada Visitor", "Example Visitors Group", "020 7946 0123", "Burn scars", "Utopian", "Brook House" })
        {
            said.ShouldNotContain(personal, Case.Sensitive, "the confirmation says nothing about anyone");
        }
        (await browser.Client.GetAsync(CaseworkPaths.Referrals, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the queue stays with supervisors");
        (await browser.Client.GetAsync(CaseworkPaths.Referral(id), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "so does triage");

        var (supervisor, supervising) = await SignedInAsync(StaffRoles.Supervisor);
        (await supervising.Client.GetAsync(confirmation, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a confirmation is for whoever recorded the referral");
        var queue = await supervising.PageAsync(CaseworkPaths.Referrals);
        queue.QuerySelector($"main a[href='{CaseworkPaths.RecordReferral}']").ShouldNotBeNull("the queue links to the form");
        queue.QuerySelector("main")!.TextContent.ShouldNotContain(Person, Case.Sensitive, "the queue names nobody");
        var row = queue.QuerySelectorAll("#waiting-caption ~ tbody tr").Single(r => r.QuerySelector($"a[href='{CaseworkPaths.Referral(id)}']") is not null);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells.ShouldBe([$"Referral {id}", receivedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), "Letter", "Urgent", "A visitor group", "Brook House IRC", "Not triaged yet"]);

        var triage = (await supervising.PageAsync(CaseworkPaths.Referral(id))).QuerySelector("main")!.TextContent;
        triage.ShouldContain(Person);
        triage.ShouldContain("020 7946 0123");
        triage.ShouldContain("Confirmed");

        await using var scope = factory.Services.CreateAsyncScope();
        var referral = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.SingleAsync(r => r.Id == id, Cancel);
        (referral.Status, referral.Channel, referral.RecordedBy, referral.ConsentConfirmed).ShouldBe((TriageStatus.Waiting, ReferralChannel.Letter, caseworker.Id, true));
        DateOnly.FromDateTime(referral.ReceivedAtUtc).ShouldBe(receivedOn, "a referral recorded late keeps the day it came");
        referral.RecordedAtUtc.ShouldBeGreaterThan(referral.ReceivedAtUtc);
        var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>()
            .SearchAsync(new AuditSearch { RecordType = "referral", RecordId = id.ToString(CultureInfo.InvariantCulture) }, Cancel)).Single(e => e.Action == "create");
        (entry.Actor, entry.Detail).ShouldBe((caseworker.Id, $"referral recorded by staff: letter, received {receivedOn:yyyy-MM-dd}; urgent"));
        (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = supervisor.Id, RecordType = "referral" }, Cancel))
            .ShouldContain(e => e.Action == "read" && e.Detail == "referral read for triage");
    }

    [Fact]
    public async Task RecordReferral_AgreementNotConfirmedYet_IsRecordedAndTriageConfirmsItBeforeAccepting()
    {
        var (_, browser) = await SignedInAsync(StaffRoles.Supervisor);
        var response = await browser.SubmitAsync(CaseworkPaths.RecordReferral, [.. Letter("Barnaby Quennell-Adeyemi", Today, consent: "not-yet").Where(f => f.Key != "Channel"), new("Channel", "Telephone")]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(StaffBrowser.PathOf(response.Headers.Location).Split('/')[3], CultureInfo.InvariantCulture);
        (await browser.PageAsync(StaffBrowser.PathOf(response.Headers.Location))).QuerySelector($"main a[href='{CaseworkPaths.Referral(id)}']")
            .ShouldNotBeNull("a supervisor is offered the triage page");

        var triage = await browser.PageAsync(CaseworkPaths.Referral(id));
        triage.QuerySelector(".warning-text")!.TextContent.ShouldContain("Confirm it before accepting");
        var queue = await browser.PageAsync(CaseworkPaths.Referrals);
        queue.QuerySelectorAll("#waiting-caption ~ tbody tr").Single(r => r.QuerySelector($"a[href='{CaseworkPaths.Referral(id)}']") is not null)
            .TextContent.ShouldContain("agreement not confirmed yet");
        await using var scope = factory.Services.CreateAsyncScope();
        var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>()
            .SearchAsync(new AuditSearch { RecordType = "referral", RecordId = id.ToString(CultureInfo.InvariantCulture) }, Cancel)).Single(e => e.Action == "create");
        entry.Detail.ShouldBe($"referral recorded by staff: telephone, received {Today:yyyy-MM-dd}, agreement not confirmed yet; urgent");

        // Accepting asks for the agreement first (the summary lists it where the form shows it, between the staff and
        // the tags); confirmed then, the case opens and the trail says so.
        var unconfirmed = await StaffBrowser.ParseAsync(await browser.SubmitAsync(CaseworkPaths.Referral(id), [new("Decision", "accept"), new("Assign", "nobody"), new("Tags", "=HYPERLINK(1)")]));
        unconfirmed.QuerySelectorAll(".error-summary__list a").Select(a => a.GetAttribute("href")).ShouldBe(["#Assign", "#AgreementConfirmed", "#Tags"]);
        unconfirmed.QuerySelector(".error-summary a[href='#AgreementConfirmed']")!.TextContent.ShouldStartWith("Confirm that the person knows about this referral");
        (await browser.SubmitAsync(CaseworkPaths.Referral(id), [new("Decision", "accept"), new("AgreementConfirmed", "yes")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = "case" }, Cancel))
            .ShouldContain(e => e.Detail == $"case opened from referral {id}; the person's agreement confirmed at triage; 0 staff assigned");
    }

    [Fact]
    public async Task RecordReferral_InvalidInput_SaysWhatToFixByEachField_ShowsWhatWasTyped_AndStoresNothing()
    {
        var (caseworker, browser) = await SignedInAsync(StaffRoles.Caseworker);
        var before = await ReferralCountAsync();
        var tomorrow = Day(Today.AddDays(1));

        var response = await browser.SubmitAsync(CaseworkPaths.RecordReferral,
            [new("Channel", "PublicForm"), new("ReceivedOn", tomorrow), new("PersonName", "Cressida Vantongeren"), new("Email", "not an address"), new("DateOfBirth", "31/02/1990"), new("Centre", "atlantis")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(response);
        page.Title!.ShouldStartWith("Error: ");
        var summary = page.QuerySelectorAll<IHtmlAnchorElement>(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        summary.ShouldBe([
            ("#Channel", "Choose how the referral came in"),
            ("#ReceivedOn", "The date received must be today or in the past"),
            ("#ReferrerKind", "Choose who made the referral"),
            ("#ReferrerName", "Enter the referrer’s name"),
            ("#Email", "Enter an e-mail address in the right form, like name@example.org"),
            ("#DateOfBirth", "Enter their date of birth as day/month/year, for example 14/08/2026"),
            ("#Centre", "Choose the place of detention from the list, or Not known"),
            ("#Concern", "Enter the concern about the person’s health"),
            ("#Urgency", "Choose how urgent the referral is"),
            ("#Consent", "Say whether the person knows about this referral and agrees to it"),
        ], "in the order the form shows its fields");
        foreach (var (href, message) in summary)
        {
            page.QuerySelector(href!).ShouldNotBeNull($"the summary's link {href} lands on its field");
            page.QuerySelector($"{href}-error")!.TextContent.ShouldContain(message, Case.Sensitive, $"{href} has its message by the field");
        }
        page.QuerySelector<IHtmlInputElement>("#ReceivedOn")!.Value.ShouldBe(tomorrow, "what was typed is shown again to correct");
        page.QuerySelector<IHtmlInputElement>("#PersonName")!.Value.ShouldBe("Cressida Vantongeren");
        page.QuerySelector<IHtmlInputElement>("#Email")!.Value.ShouldBe("not an address");

        var noContact = await StaffBrowser.ParseAsync(await browser.SubmitAsync(CaseworkPaths.RecordReferral,
            [.. Letter("Cressida Vantongeren", Today).Where(f => f.Key is not ("Telephone" or "ReceivedOn")), new("ReceivedOn", "yesterday")]));
        noContact.QuerySelector("#Email-error")!.TextContent.ShouldContain("Enter the referrer’s e-mail address or telephone number, so that we can contact them");
        noContact.QuerySelector("#ReceivedOn-error")!.TextContent.ShouldContain("Enter the date received as day/month/year, for example 14/08/2026");

        (await ReferralCountAsync()).ShouldBe(before, "a wrong form keeps nothing");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = caseworker.Id, RecordType = "referral" }, Cancel))
            .ShouldBeEmpty("nothing was recorded, so nothing is on the trail");
    }

    [Theory]
    [InlineData(StaffRoles.Clinician)]
    [InlineData(StaffRoles.Volunteer)]
    [InlineData(StaffRoles.Researcher)]
    [InlineData(StaffRoles.PolicyOfficer)]
    [InlineData(StaffRoles.Administrator)]
    public async Task RecordReferral_RoleThatMayNotRecord_GetsNotFound_AndNothingIsStored(string role)
    {
        var (_, browser) = await SignedInAsync(role);
        var before = await ReferralCountAsync();
        (await browser.Client.GetAsync(CaseworkPaths.RecordReferral, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // With a genuine antiforgery token from a page the role may open, so that only the role is refused.
        var token = (await browser.PageAsync(AccountsPaths.Home)).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var posted = await browser.Client.PostAsync(CaseworkPaths.RecordReferral,
            new FormUrlEncodedContent([.. Letter("Hyacinth Poldark-Mensah", Today), new("__RequestVerificationToken", token)]), Cancel);
        posted.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReferralCountAsync()).ShouldBe(before);
        (await browser.PageAsync(AccountsPaths.Home)).QuerySelector($"a[href='{CaseworkPaths.RecordReferral}']").ShouldBeNull("the home page offers only what the role may do");
    }

    [Fact]
    public async Task RecordReferral_RawTable_HoldsNoPlaintextOfWhatWasTyped()
    {
        const string Person = "Perpetua Llewellyn-Okonkwo";
        var (_, browser) = await SignedInAsync(StaffRoles.Caseworker);
        (await browser.SubmitAsync(CaseworkPaths.RecordReferral, Letter(Person, Today))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        string[] secrets = [Person, "Ada Visitor", "Example Visitors Group", "020 7946 0123", "Burn scars", "Utopian", "1988-05-02"];
        await using var scope = factory.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM casework_referrals";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var found = new List<string>();
        var rows = 0;
        while (await reader.ReadAsync(Cancel))
        {
            rows++;
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var text = reader.IsDBNull(column) ? "" : reader.GetValue(column) switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                };
                found.AddRange(secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{reader.GetName(column)} holds '{s}'"));
            }
        }
        rows.ShouldBeGreaterThan(0);
        found.ShouldBeEmpty();
    }
}

public sealed class SqliteRecordReferralHttpTests(OwnSqlitePortalFactory factory) : RecordReferralHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresRecordReferralHttpTests(OwnPostgresPortalFactory factory) : RecordReferralHttpTests<OwnPostgresPortalFactory>(factory);
