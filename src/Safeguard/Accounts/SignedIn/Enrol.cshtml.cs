using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Safeguard.Audit.Contracts;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.SignedIn;

/// <summary>
/// Setting up the authenticator app: a QR code and the same key written out, then one code from the app to prove
/// it works. Only for an account without a second factor; changing an app that is set up is an administrator's
/// reset (a new invitation), so that a stolen passphrase alone can never replace it.
/// </summary>
internal sealed class EnrolModel(UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The key in groups of four, as people type it.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The otpauth address the QR code holds.</summary>
    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>The QR code as a PNG data address (the policy allows data: images; no script, no inline style).</summary>
    public string QrCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return NotFound();
        }
        if (account.TwoFactorEnabled)
        {
            return LocalRedirect(AccountsPaths.Home);
        }
        await LoadKeyAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return NotFound();
        }
        if (account.TwoFactorEnabled)
        {
            return LocalRedirect(AccountsPaths.Home);
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code your authenticator app shows for Safeguard");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right. Check that the app shows Safeguard and your e-mail address, and enter the code it shows now.");
        }
        if (!ModelState.IsValid)
        {
            Code = null;
            await LoadKeyAsync(account);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(account, true);
        // The session is now one with a second factor; the security stamp changed, so it is issued again.
        // As Identity's own second-factor sign-in does, the session says so with amr=mfa.
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(StaffPolicies.AuthenticationMethods, StaffPolicies.MultiFactor)]);
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, account.Id, "authenticator app set up");
        return LocalRedirect(AccountsPaths.Home + "?enrolled=true");
    }

    private async Task LoadKeyAsync(StaffAccount account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            // Resetting the key changed the security stamp; keep this session valid.
            await signIn.RefreshSignInAsync(account);
        }
        Key = Group(key!);
        var label = Uri.EscapeDataString($"Safeguard:{account.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer=Safeguard&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
