using Microsoft.Playwright;
using Safeguard.Accounts.Contracts;

namespace Safeguard.BrowserTests;

/// <summary>
/// A policy officer records a meeting of the APPG with its attendees from the demonstration register and publishes
/// it; the public page then shows it. Every page on the way is scanned by axe and read at 320 pixels wide.
/// </summary>
public sealed class ParliamentJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PolicyOfficer_RecordsAMeetingWithAttendeesAndPublishesIt_EveryPageAccessible()
    {
        var officer = await StaffMember.CreateAsync(fixture.Server, StaffRoles.PolicyOfficer, "Pat Policy");
        var title = $"Meeting with the Minister {Guid.NewGuid().ToString("N")[..6]}";
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await officer.SignInAsync(page, fixture.Server.Clock.GetUtcNow());

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff" }).GetByRole(AriaRole.Link, new() { Name = "Parliament" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/parliament");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Next reporting deadline");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings, events and visits" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/parliament/meetings");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // Sent with a name the register lacks, the form says so by its field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a meeting" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/parliament/meetings/new");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("Meeting with a minister").CheckAsync();
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("12/03/2025");
        await page.GetByLabel("Place").FillAsync("House of Commons");
        await page.GetByLabel("Parliamentarians who attended").FillAsync("Dame Angela Eagle\nBell Ribeiro-Addy\nBaroness Lister of Burtersett\nLord Nobody");
        await page.GetByLabel("The secretariat’s staff who attended").FillAsync("Pat Policy");
        await page.GetByLabel("Guests").FillAsync("Home Office officials");
        await page.GetByLabel("Summary").FillAsync("Members asked about **alternatives to detention**.");
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not found, or found twice: Lord Nobody");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await page.GetByLabel("Parliamentarians who attended").FillAsync("Dame Angela Eagle\nBell Ribeiro-Addy\nBaroness Lister of Burtersett");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Pat Policy");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await page.Locator("main p a[href^='/parliament/events/']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync("Bell Ribeiro-Addy (Labour)");
        await Assertions.Expect(main).ToContainTextAsync("Baroness Lister of Burtersett");
        await Assertions.Expect(main).ToContainTextAsync("Home Office officials");
        await Assertions.Expect(main.Locator("strong")).ToHaveTextAsync("alternatives to detention");
        await Assertions.Expect(main).Not.ToContainTextAsync("Pat Policy");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
    }
}
