using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Holidays;

namespace Safeguard.BrowserTests;

/// <summary>
/// A policy officer keeps an FOI request on the clock: adds it (after a form sent empty says what to fix), records a
/// refusal citing exemptions, asks for an internal review, and sees an older request overdue on the dashboard. Every
/// page and state on the way is scanned by axe and read at 320 pixels wide; so is the dashboard's notice, late in the
/// last year of known bank holidays, that a newer feed is needed.
/// </summary>
public sealed class FoiJourneyTests(BrowserFixture fixture)
{
    private DateOnly Today => fixture.Server.Clock.Today;

    private static string Typed(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task PolicyOfficer_CreatesRefusesAndReviews_AndSeesOverdue_EveryPageAccessible()
    {
        var officer = await StaffMember.CreateAsync(fixture.Server, StaffRoles.PolicyOfficer, "Pat Policy");
        WorkingDayCalendar calendar;
        using (var scope = fixture.Server.Services.CreateScope())
        {
            calendar = await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().CalendarAsync(TestContext.Current.CancellationToken);
        }
        var reference = $"MJ-FOI-B-{Guid.NewGuid().ToString("N")[..6]}";
        var late = $"MJ-FOI-L-{Guid.NewGuid().ToString("N")[..6]}";
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await officer.SignInAsync(page, fixture.Server.Clock.GetUtcNow());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" }).GetByRole(AriaRole.Link, new() { Name = "FOI requests" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/foi");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("FOI requests");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // Sent empty, the form says what to fix.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a request" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/foi/requests/new");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("Authority", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the request" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter our reference for the request");
        await Assertions.Expect(page.Locator("#Subject-error")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await FillAsync(page, reference, Today);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"FOI request {reference}");
        await Assertions.Expect(page.Locator("main .tag")).ToHaveTextAsync("awaiting response");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // A refusal needs its exemptions; then it is recorded with them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the answer" }).ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("Refused").CheckAsync();
        await page.GetByLabel("Date of the answer").FillAsync(Typed(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A refusal cites the sections it relies on");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("s.31", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("s.40", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Other sections, or subsections (optional)").FillAsync("s.40(2)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Success" })).ToContainTextAsync("Answer recorded.");
        await Assertions.Expect(page.Locator("main .tag")).ToHaveTextAsync("refused");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("s.31; s.40; s.40(2)");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // The internal review, due 20 working days after it was asked for.
        await page.GetByRole(AriaRole.Link, new() { Name = "Internal review" }).ClickAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("Date the review was asked for").FillAsync(Typed(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .tag")).ToHaveTextAsync("in internal review");
        await Assertions.Expect(page.GetByRole(AriaRole.Main))
            .ToContainTextAsync($"Due {calendar.AddWorkingDays(Today, 20).Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // A request sent 25 working days ago is overdue on the dashboard.
        var sent = Today;
        for (var counted = 0; counted < 25;)
        {
            sent = sent.AddDays(-1);
            counted += calendar.NonWorking(sent) is null ? 1 : 0;
        }
        await page.GotoAsync("/staff/foi/requests/new");
        await FillAsync(page, late, sent);
        await Assertions.Expect(page.Locator("main .tag")).ToHaveTextAsync("overdue");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("5 working days late");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" }).GetByRole(AriaRole.Link, new() { Name = "FOI requests" }).ClickAsync();
        var overdue = page.GetByRole(AriaRole.Table, new() { Name = "Overdue" });
        await Assertions.Expect(overdue.GetByRole(AriaRole.Row).Filter(new() { HasText = late })).ToContainTextAsync("overdue");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // The other FOI pages a person reaches from the dashboard.
        foreach (var link in new[] { "All requests", "Series", "Deadlines in your calendar" })
        {
            await page.GotoAsync("/staff/foi");
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAndReflowsAsync(page);
        }
    }

    [Fact]
    public async Task Dashboard_BankHolidaysKnownForUnder90DaysMore_SaysUntilWhenAndWhatToDo_Accessible()
    {
        // Monday 4 October 2027, 88 days before the shipped bank holidays end; on a server of its own, as the shared
        // one's clock stays where the other tests count from.
        await using var server = PortalServer.StartingAt(new DateTimeOffset(2027, 10, 4, 10, 0, 0, TimeSpan.Zero));
        var officer = await StaffMember.CreateAsync(server, StaffRoles.PolicyOfficer, "Pat Policy");
        await using var context = await fixture.NewContextAsync(server);
        var page = await context.NewPageAsync();
        await officer.SignInAsync(page, server.Clock.GetUtcNow());

        await page.GotoAsync("/staff/foi");

        await Assertions.Expect(page.Locator("main #holidays")).ToHaveTextAsync(
            "Bank holidays are known only until 31 December 2027: import a newer GOV.UK feed with 'foi holidays import' before then (docs/foi.md).");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
    }

    private static async Task FillAsync(IPage page, string reference, DateOnly sent)
    {
        await page.GetByLabel("Our reference").FillAsync(reference);
        await page.GetByLabel("Authority", new() { Exact = true }).FillAsync("Home Office");
        await page.GetByLabel("Subject").FillAsync("Self-harm incidents and ACDTs opened by centre, January to June 2026");
        await page.GetByLabel("Text of the request (optional until it is sent)").FillAsync("Please give the number of ACDTs opened at each centre, January to June 2026.");
        await page.GetByLabel("E-mail").CheckAsync();
        await page.GetByLabel("Date sent (optional)").FillAsync(Typed(sent));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the request" }).ClickAsync();
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/staff/foi/requests/[0-9]+\\?done=added$"));
    }
}
