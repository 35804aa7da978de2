using Microsoft.Playwright;
using Safeguard.Accounts.Contracts;

namespace Safeguard.BrowserTests;

/// <summary>A referral taken by telephone, recorded on the staff form (a class of its own, so it runs beside the other journeys).</summary>
public sealed class TelephoneReferralJourneyTests(BrowserFixture fixture)
{
    /// <summary>
    /// A caseworker records a referral taken by telephone: the form says what is missing, then the confirmation gives
    /// the referral's number and nothing about anyone. Every page scanned by axe and read at 320 pixels wide.
    /// </summary>
    [Fact]
    public async Task TelephoneReferral_RecordedByACaseworker_ConfirmedByNumberOnly_EveryPageAccessible()
    {
        const string Called = "Evangeline Thistlewood-Mbeki";
        var caseworker = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Caseworker, "Cass Caseworker");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await caseworker.SignInAsync(page, fixture.Server.Clock.GetUtcNow(), scan: false);

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a referral" }).First.ClickAsync();
        await page.WaitForPageAsync("**/staff/referrals/record");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose how the referral came in");
        await Assertions.Expect(page.Locator("#Consent-error")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await page.GetByLabel("Telephone", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("A lawyer").CheckAsync();
        await page.GetByLabel("The referrer’s name").FillAsync("Ada Solicitor");
        await page.GetByLabel("Telephone number").FillAsync("020 7946 0000");
        await page.GetByLabel("Their name").FillAsync(Called);
        await page.GetByLabel("Where they are held").SelectOptionAsync(new SelectOptionValue { Label = "Colnbrook IRC" });
        await page.GetByLabel("What is the concern about their health?").FillAsync("Says he was tortured; cannot sleep.");
        await page.GetByLabel("Routine").CheckAsync();
        await page.GetByLabel("Not confirmed yet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex("/staff/referrals/[0-9]+/recorded$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Referral {await ReferralNumbers.ForAsync(fixture.Server, Called)} recorded");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Called);
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
    }
}
