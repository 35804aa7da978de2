using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.Anonymous;

/// <summary>The second step of signing in: the 6-digit code from the authenticator app. Wrong codes count towards lockout.</summary>
[EnableRateLimiting(AccountsModule.SignInRateLimit)]
internal sealed class SignInCodeModel(SignInManager<StaffAccount> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect(AccountsPaths.SignIn) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            // The first step's cookie has expired (5 minutes) or was never there.
            return LocalRedirect(AccountsPaths.SignIn);
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }
        if (!await throttle.TryAttemptAsync(account.Id, HttpContext.RequestAborted))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignIn, account.Id, "passphrase and authenticator code");
            return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : AccountsPaths.Home);
        }
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignInFailed, account.Id, result.IsLockedOut ? "locked out" : "wrong authenticator code");
        if (result.IsLockedOut)
        {
            return LocalRedirect(AccountsPaths.SignIn);
        }
        ModelState.AddModelError(nameof(Code), "The code is not right, or has been used already. Enter the code your authenticator app shows now; if it is about to change, wait for the next one.");
        Code = null;
        return Page();
    }
}
