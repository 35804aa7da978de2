using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Casework.Referrals;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>The public referral form through the real pipeline, on each engine: located errors, a waiting referral, nothing said back.</summary>
public abstract class ReferralFormHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refer_InvalidInput_IsRefusedWithAMessageByEachField()
    {
        var browser = new StaffBrowser(factory);
        var response = await browser.SubmitAsync(CaseworkPaths.Refer, [new("Email", "not an address"), new("Telephone", "call me"), new("DateOfBirth", "1990"), new("Centre", "atlantis")]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(response);
        var summary = page.QuerySelectorAll<IHtmlAnchorElement>(".error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        summary.ShouldBe([
            ("#ReferrerKind", "Choose who you are"),
            ("#ReferrerName", "Enter your name"),
            ("#Email", "Enter an e-mail address in the right form, like name@example.org"),
            ("#Telephone", "Enter a telephone number using digits, spaces and + ( ) - only, like 020 7946 0000"),
            ("#PersonName", "Enter the name of the person detained"),
            ("#DateOfBirth", "Enter their date of birth as day/month/year, for example 14/08/2026"),
            ("#Centre", "Choose the place of detention from the list, or Not known"),
            ("#Concern", "Tell us what worries you about the person’s health"),
            ("#Urgency", "Choose how urgent the referral is"),
            ("#Consent", "Confirm that the person knows about this referral and agrees to it"),
        ]);
        foreach (var (href, _) in summary)
        {
            page.QuerySelector(href!).ShouldNotBeNull($"the summary's link {href} lands on its field");
            page.QuerySelector($"{href}-error").ShouldNotBeNull($"{href} has its message by the field");
        }
    }

    [Fact]
    public async Task Refer_OverPlainHttp_IsSentToHttpsAndKeepsNothing()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var redirected = await client.GetAsync(CaseworkPaths.Refer, Cancel);
        redirected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirected.Headers.Location.ShouldBe(new Uri("https://localhost/refer"));
        redirected.Headers.Contains("Set-Cookie").ShouldBeFalse("a __Host- cookie over HTTP is one browsers refuse");
        var form = await factory.CreateStaffClient().GetStringAsync(CaseworkPaths.Refer, Cancel);
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(form).QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var before = await db.Referrals.CountAsync(Cancel);
        var posted = await client.PostAsync(CaseworkPaths.Refer,
            new FormUrlEncodedContent([.. CaseworkSamples.PublicReferralForm("Over Plain Http"), new("__RequestVerificationToken", token)]), Cancel);
        posted.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await db.Referrals.CountAsync(Cancel)).ShouldBe(before);
    }

    [Fact]
    public async Task Refer_NoWayToContact_IsRefused()
    {
        var fields = CaseworkSamples.PublicReferralForm("Peregrine Oakhurst").Where(f => f.Key != "Email").ToList();
        var page = await StaffBrowser.ParseAsync(await new StaffBrowser(factory).SubmitAsync(CaseworkPaths.Refer, fields));
        page.QuerySelector("#Email-error")!.TextContent.ShouldContain("Enter an e-mail address or a telephone number, so that we can contact you");
    }

    [Fact]
    public async Task Refer_Complete_CreatesAWaitingReferralAndSaysWhatHappensNext_RevealingNothing()
    {
        const string Person = "Thaddeus Winterbourne-Achebe";
        var browser = new StaffBrowser(factory);
        var response = await browser.SubmitAsync(CaseworkPaths.Refer, CaseworkSamples.PublicReferralForm(Person));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(CaseworkPaths.ReferralSent);
        var sent = await browser.Client.GetStringAsync(CaseworkPaths.ReferralSent, Cancel);
        sent.ShouldContain("What happens next");
        sent.ShouldNotContain(Person);
        sent.ShouldNotContain("Colnbrook");

        await using var scope = factory.Services.CreateAsyncScope();
        var referral = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.OrderByDescending(r => r.Id).FirstAsync(Cancel);
        referral.Status.ShouldBe(TriageStatus.Waiting);
        referral.Channel.ShouldBe(ReferralChannel.PublicForm);
        referral.RecordedBy.ShouldBeNull();
        referral.ConsentConfirmed.ShouldBeTrue();
        referral.Urgency.ShouldBe(Urgency.Urgent);
        referral.PersonNameCipher.ShouldNotContain("Thaddeus");
        var entry = (await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = "referral", RecordId = referral.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Cancel)).Single();
        (entry.Actor, entry.Action, entry.Detail).ShouldBe(("anonymous", "create", "referral received through the public form; urgent"));
    }

    [Fact]
    public async Task Refer_Complete_WaitsInTheQueueAndAtTriageWithTheMomentItCame_AsEveryPageWritesATime()
    {
        (await new StaffBrowser(factory).SubmitAsync(CaseworkPaths.Refer, CaseworkSamples.PublicReferralForm("Ottoline Brackwater"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var supervisor = await StaffBrowser.CreateAsync(factory, Safeguard.Accounts.Contracts.StaffRoles.Supervisor);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(supervisor);
        Referral referral;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            referral = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.OrderByDescending(r => r.Id).FirstAsync(Cancel);
        }
        var received = referral.ReceivedAtUtc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

        var queue = await browser.PageAsync(CaseworkPaths.Referrals);
        var row = queue.QuerySelectorAll("#waiting-caption ~ tbody tr").Single(r => r.QuerySelector($"a[href='{CaseworkPaths.Referral(referral.Id)}']") is not null);
        row.QuerySelectorAll("td")[1].TextContent.Trim().ShouldBe(received);
        var triage = await browser.PageAsync(CaseworkPaths.Referral(referral.Id));
        triage.QuerySelectorAll("main dt").Single(dt => dt.TextContent == "Received").NextElementSibling!.TextContent.ShouldBe(received);
    }

    [Fact]
    public async Task Refer_Supervisor_TriagesIt_IntoACaseWithTheStaffAssigned()
    {
        const string Person = "Leocadia Fernsby";
        (await new StaffBrowser(factory).SubmitAsync(CaseworkPaths.Refer, CaseworkSamples.PublicReferralForm(Person))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var caseworker = await StaffBrowser.CreateAsync(factory, Safeguard.Accounts.Contracts.StaffRoles.Caseworker);
        var supervisor = await StaffBrowser.CreateAsync(factory, Safeguard.Accounts.Contracts.StaffRoles.Supervisor);
        var browser = new StaffBrowser(factory);
        await browser.SignInSuccessfullyAsync(supervisor);

        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<CaseworkDbContext>().Referrals.MaxAsync(r => r.Id, Cancel);
        }
        var link = CaseworkPaths.Referral(id);
        var queue = await browser.PageAsync(CaseworkPaths.Referrals);
        queue.QuerySelector("main")!.TextContent.ShouldNotContain(Person, Case.Sensitive, "the queue names nobody");
        queue.QuerySelector($"#waiting-caption ~ tbody a[href='{link}']").ShouldNotBeNull().TextContent.ShouldBe($"Referral {id}");
        (await browser.PageAsync(link)).QuerySelector("main")!.TextContent.ShouldContain(Person);

        var declined = await StaffBrowser.ParseAsync(await browser.SubmitAsync(link, [new("Decision", "decline")]));
        declined.QuerySelector("#DeclineReason-error")!.TextContent.ShouldContain("Choose why the referral is declined");
        var accepted = await browser.SubmitAsync(link, [new("Decision", "accept"), new("Assign", caseworker.Id), new("Tags", "Test triage")]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var casePath = accepted.Headers.Location!.OriginalString;
        casePath.ShouldMatch(@"^/staff/cases/C-\d{4}-\d{5}$");

        var assigned = new StaffBrowser(factory);
        await assigned.SignInSuccessfullyAsync(caseworker);
        var page = await assigned.PageAsync(casePath);
        page.QuerySelector("main")!.TextContent.ShouldContain(Person);
        page.QuerySelector("main")!.TextContent.ShouldContain("Test triage");
    }
}

public sealed class SqliteReferralFormHttpTests(OwnSqlitePortalFactory factory) : ReferralFormHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresReferralFormHttpTests(OwnPostgresPortalFactory factory) : ReferralFormHttpTests<OwnPostgresPortalFactory>(factory);

/// <summary>The referral form's per-address limit.</summary>
public sealed class ReferralRateLimitTests(LowFormLimitFactory factory) : IClassFixture<LowFormLimitFactory>
{
    [Fact]
    public async Task Refer_MoreSubmissionsFromOneAddressThanAllowed_AreTooManyRequests()
    {
        var browser = new StaffBrowser(factory);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await browser.SubmitAsync(CaseworkPaths.Refer, [new("ReferrerName", "Someone")])).StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }
}
