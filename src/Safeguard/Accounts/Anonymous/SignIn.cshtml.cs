using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Accounts.Passkeys;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.Anonymous;

/// <summary>
/// The first step of signing in: e-mail address and passphrase. Whatever went wrong (no such account, a wrong
/// passphrase, a locked or deactivated account), the answer is the same, so the page cannot be used to find out who
/// has an account. Or signing in with a passkey alone (<see cref="StaffPasskeys"/>), which counts as both steps.
/// </summary>
[EnableRateLimiting(AccountsModule.SignInRateLimit)]
internal sealed class SignInModel(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> users, SignInThrottle throttle, StaffPasskeys passkeys, SignInTimingDecoy decoy) : PageModel
{
    public const string Failed =
        "The e-mail address or passphrase is not right. Check them and try again. After 5 wrong tries the account is locked for 15 minutes.";

    [BindProperty]
    [Required(ErrorMessage = "Enter your e-mail address")]
    public string? Email { get; set; }

    /// <summary>Any characters, spaces too: only an empty field is refused before it is checked.</summary>
    [BindProperty]
    [Required(AllowEmptyStrings = true, ErrorMessage = "Enter your passphrase")]
    public string? Passphrase { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The browser's answer to the passkey request, as JSON (<c>PublicKeyCredential.toJSON()</c>).</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>The name of the browser's error when the passkey ceremony failed or was cancelled.</summary>
    [BindProperty]
    public string? Failure { get; set; }

    /// <summary>Set after signing out: "here" or "everywhere".</summary>
    [BindProperty(SupportsGet = true)]
    public string? SignedOut { get; set; }

    public IActionResult OnGet() =>
        User.HasClaim(StaffPolicies.AuthenticationMethods, StaffPolicies.MultiFactor) ? LocalRedirect(AccountsPaths.Home) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        SignedOut = null;
        if (!ModelState.IsValid || Email is not { } email || Passphrase is not { } passphrase)
        {
            return Page();
        }
        if (!await throttle.TryAttemptAsync(email, HttpContext.RequestAborted))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            decoy.Check(users.PasswordHasher, passphrase);
            return await FailAsync(null, "unknown account");
        }
        var result = await signIn.PasswordSignInAsync(account, passphrase, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/Anonymous/SignInCode", new { returnUrl = SafeReturnUrl });
        }
        if (result.Succeeded)
        {
            // A passphrase alone: the only place it leads is setting up the second factor.
            await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignIn, account.Id, "passphrase only, second factor not set up");
            return LocalRedirect(AccountsPaths.Enrol);
        }
        if (result.IsLockedOut || result.IsNotAllowed || account.PasswordHash is null)
        {
            // Identity refuses these without hashing the passphrase.
            decoy.Check(users.PasswordHasher, passphrase);
        }
        return await FailAsync(account.Id, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed (deactivated or not confirmed)" : "wrong passphrase");
    }

    /// <summary>Begins a passkey sign-in: the options for the browser, as JSON; the ceremony's state goes in a cookie.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await passkeys.RequestOptionsAsync(), "application/json");

    /// <summary>Finishes a passkey sign-in with the browser's answer.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        SignedOut = null;
        // The passkey's form sends no e-mail address or passphrase: their rules are for the other form.
        ModelState.Clear();
        if (Failure is not null || string.IsNullOrEmpty(CredentialJson))
        {
            // Cancelled or failed in the browser: nothing reached an account, so nothing goes on the audit trail.
            ModelState.AddModelError(PasskeyField, PasskeyMessages.SignInNotFinished(Failure));
            return Page();
        }
        var result = await passkeys.SignInAsync(CredentialJson);
        if (result.Outcome == PasskeySignInOutcome.SignedIn)
        {
            await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignIn, result.AccountId, result.AuditDetail);
            return LocalRedirect(SafeReturnUrl ?? AccountsPaths.Home);
        }
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignInFailed, result.AccountId, result.AuditDetail);
        ModelState.AddModelError(PasskeyField, PasskeyMessages.SignInRefused(result.Outcome));
        return Page();
    }

    /// <summary>The passkey button's id, which the error summary links to.</summary>
    private const string PasskeyField = "Passkey";

    private string? SafeReturnUrl => ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    private async Task<IActionResult> FailAsync(string? accountId, string reason)
    {
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignInFailed, accountId, reason);
        ModelState.AddModelError(nameof(Email), Failed);
        Passphrase = null;
        return Page();
    }
}
