using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Referrals;

namespace Safeguard.BrowserTests;

/// <summary>A referral recorded twice, withdrawn by a supervisor (a class of its own, so it runs beside the other journeys).</summary>
public sealed class ReferralWithdrawalJourneyTests(BrowserFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A supervisor withdraws a referral recorded twice: the page asks first and names nobody, says what is missing
    /// (the reason, then the number of the referral that stays), and the referral leaves the queue, listed as withdrawn
    /// with a link to the one that stays; a decision sent afterwards from a tab left open on its
    /// triage page is not saved, and the page says why. Every page scanned by axe and read at 320 pixels wide.
    /// </summary>
    [Fact]
    public async Task ReferralRecordedTwice_WithdrawnByASupervisor_LeavesTheQueue_EveryPageAccessible()
    {
        var supervisor = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Supervisor, "Sol Supervisor");
        int kept, referral;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var twice = new ReferralInput(ReferrerKind.Lawyer, "Test Referrer", null,
                "referrer@example.org", "Synthetic Twice-Recorded Person", null, null, null, null, "colnbrook", "Synthetic concern.", Urgency.Routine);
            var desk = scope.ServiceProvider.GetRequiredService<ReferralDesk>();
            kept = int.Parse(await desk.ReceiveAsync(twice, ReferralArrival.PublicForm, Cancel), System.Globalization.CultureInfo.InvariantCulture);
            referral = int.Parse(await desk.ReceiveAsync(twice, ReferralArrival.PublicForm, Cancel), System.Globalization.CultureInfo.InvariantCulture);
        }
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await supervisor.SignInAsync(page, fixture.Server.Clock.GetUtcNow(), scan: false);
        // The same referral's triage page, left open in another tab.
        var earlier = await context.NewPageAsync();
        await earlier.GotoAsync($"/staff/referrals/{referral}");

        await page.GotoAsync($"/staff/referrals/{referral}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Withdraw referral {referral}" }).ClickAsync();
        await page.WaitForPageAsync($"**/staff/referrals/{referral}/withdraw");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Withdraw referral {referral}?");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Twice-Recorded");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the referral" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Choose why the referral is withdrawn");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("Recorded twice", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the referral" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter the number of the referral that stays");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByLabel("If recorded twice: the number of the referral that stays").FillAsync($"{kept}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the referral" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/referrals#triaged");
        var withdrawn = page.GetByRole(AriaRole.Table, new() { Name = "Referrals triaged or withdrawn in the last 30 days" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = $"Referral {referral}" });
        await Assertions.Expect(withdrawn).ToContainTextAsync($"Withdrawn: recorded twice, the same as referral {kept}");
        await Assertions.Expect(withdrawn.GetByRole(AriaRole.Link, new() { Name = $"referral {kept}", Exact = true })).ToHaveAttributeAsync("href", $"/staff/referrals/{kept}");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // A decision sent from the tab left open finds it withdrawn, and says so.
        await earlier.GetByLabel("Decline", new() { Exact = true }).CheckAsync();
        await earlier.GetByLabel("Already referred").CheckAsync();
        await earlier.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(earlier.Locator("#overtaken")).ToHaveTextAsync(
            $"Referral {referral} had already been withdrawn when your decision reached it: your decision was not saved. What was decided is below.");
        await Assertions.Expect(earlier.GetByRole(AriaRole.Main)).ToContainTextAsync($"Withdrawn: recorded twice, the same as referral {kept}.");
        await Accessibility.AssertAccessibleAndReflowsAsync(earlier);
    }
}
