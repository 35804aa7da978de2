using Microsoft.Playwright;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;

namespace Safeguard.BrowserTests;

/// <summary>
/// Passkeys in a real Chromium with its virtual authenticator (over the DevTools protocol): a member of staff signed
/// in with a code adds a passkey, signs out and back in with the passkey alone, meets the error summary when the
/// device does not verify them, and removes it. Every page on the way is scanned by axe and read at 320 pixels wide.
/// Without JavaScript the sign-in page offers no passkey.
/// </summary>
public sealed class PasskeyJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Staff_AddsPasskeySignsInWithItAloneAndRemovesIt_EveryPageAccessible()
    {
        var member = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Caseworker, "Casey Worker");
        await using var context = await fixture.NewContextAsync(new() { BaseURL = fixture.Server.LocalhostAddress.ToString() });
        var page = await context.NewPageAsync();
        var authenticator = await VirtualAuthenticator.AddAsync(context, page);
        await member.SignInAsync(page, fixture.Server.Clock.GetUtcNow());

        await page.GetByRole(AriaRole.Link, new() { Name = "Passkeys", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/staff/passkeys");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You have not added a passkey.");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // Without a name, the script gets no options and the form says what to fix.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a name for the passkey");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await page.GetByLabel("Name of the passkey").FillAsync("Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/passkeys?done=added");
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Work laptop");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        // Signed out, the passkey alone signs in: no e-mail address, passphrase or code.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/sign-in?signedOut=here");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForPageAsync("**/staff");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Casey Worker");

        // A device that does not check who is using it is refused, and the page says why.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/sign-in?signedOut=here");
        await authenticator.SetUserVerifiedAsync(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Signing in with a passkey did not finish");
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);

        await authenticator.SetUserVerifiedAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForPageAsync("**/staff");
        await page.GotoAsync(AccountsPaths.Passkeys);
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove the passkey Work laptop" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Remove the passkey ‘Work laptop’?");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the passkey" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/passkeys?done=removed");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You have not added a passkey.");
        await Accessibility.AssertAccessibleAndReflowsAsync(page);
    }

    [Fact]
    public async Task SignIn_WithoutJavaScript_OffersNoPasskeyAndTheFormsStillWork()
    {
        var member = await StaffMember.CreateAsync(fixture.Server, StaffRoles.Researcher, "Robin Researcher");
        await using var context = await fixture.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/staff/sign-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeHiddenAsync();

        await member.SignInAsync(page, fixture.Server.Clock.GetUtcNow(), scan: false);
        await page.GotoAsync(AccountsPaths.Passkeys);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Adding a passkey needs a browser that supports passkeys, with JavaScript switched on.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" })).ToBeHiddenAsync();
    }

    /// <summary>Chromium's virtual authenticator on one page: a platform passkey store with a PIN or biometric that always agrees.</summary>
    private sealed class VirtualAuthenticator(ICDPSession session, string id)
    {
        public static async Task<VirtualAuthenticator> AddAsync(IBrowserContext context, IPage page)
        {
            var session = await context.NewCDPSessionAsync(page);
            await session.SendAsync("WebAuthn.enable");
            var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            });
            return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
        }

        /// <summary>Whether the PIN or biometric check succeeds from now on.</summary>
        public async Task SetUserVerifiedAsync(bool verified) =>
            await session.SendAsync("WebAuthn.setUserVerified", new Dictionary<string, object> { ["authenticatorId"] = id, ["isUserVerified"] = verified });
    }
}
