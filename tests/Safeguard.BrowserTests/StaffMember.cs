using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Accounts;
using Safeguard.Tests.Shared;

namespace Safeguard.BrowserTests;

/// <summary>
/// A member of staff made straight in the accounts store, with a passphrase, an authenticator app and one role, as if
/// invited and enrolled already: the start of a journey that is not about accounts. Signing in goes through the real
/// pages, scanned by axe, with a code the test computes as the app would.
/// </summary>
internal sealed record StaffMember(string Email, string Passphrase, string AuthenticatorKey)
{
    /// <summary>A synthetic passphrase that the accounts module's rules accept.</summary>
    public const string DefaultPassphrase = "copper lantern violet harbour";

    /// <summary>A new account with <paramref name="role"/>, an e-mail address of its own and an authenticator set up.</summary>
    public static async Task<StaffMember> CreateAsync(PortalServer server, string role, string displayName)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var email = $"{role}-{Guid.NewGuid():N}@example.org";
        var account = new StaffAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = server.Clock.GetUtcNow() };
        (await users.CreateAsync(account, DefaultPassphrase)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(account, role)).Succeeded.ShouldBeTrue();
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return new StaffMember(email, DefaultPassphrase, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    /// <summary>
    /// Signs in on <paramref name="page"/> with the app's code for <paramref name="codeTime"/>; ends on the staff home.
    /// With <paramref name="scan"/> false the pages are not scanned, as axe cannot run where JavaScript is off.
    /// </summary>
    public Task SignInAsync(IPage page, DateTimeOffset codeTime, bool scan = true) => SignInAsync(page, Email, Passphrase, AuthenticatorKey, codeTime, scan);

    /// <summary>
    /// Signs in through the sign-in and code pages (each scanned by axe, unless <paramref name="scan"/> is false). A
    /// code is accepted once per account, so a second sign-in within the same 30 seconds needs the next step's time.
    /// </summary>
    public static async Task SignInAsync(IPage page, string email, string passphrase, string authenticatorKey, DateTimeOffset codeTime, bool scan = true)
    {
        await page.GotoAsync("/staff/sign-in");
        if (scan)
        {
            await Accessibility.AssertNoViolationsAsync(page);
        }
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Passphrase").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForPageAsync("**/staff/sign-in/code**");
        if (scan)
        {
            await Accessibility.AssertNoViolationsAsync(page);
        }
        await page.GetByLabel("Code").FillAsync(Totp.Code(authenticatorKey, codeTime));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForPageAsync("**/staff");
    }
}
