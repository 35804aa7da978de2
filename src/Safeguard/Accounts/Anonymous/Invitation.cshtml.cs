using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Accounts.Invitations;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.Anonymous;

/// <summary>
/// Accepting an invitation: the person chooses a passphrase, which uses the invitation up, and goes on to set up
/// their authenticator app. Every reason a link cannot be used gets the same answer.
/// </summary>
[EnableRateLimiting(AccountsModule.SignInRateLimit)]
internal sealed class InvitationModel(InvitationService invitations, SignInManager<StaffAccount> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Any characters, spaces too; Identity's rules (<see cref="PassphraseRules"/>) apply once it is sent.</summary>
    [BindProperty]
    [Required(AllowEmptyStrings = true, ErrorMessage = "Enter a passphrase")]
    public string? Passphrase { get; set; }

    [BindProperty]
    public string? ConfirmPassphrase { get; set; }

    public string? Email { get; private set; }

    public bool Usable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return Page();
        }
        if (Passphrase is not null && Passphrase != ConfirmPassphrase)
        {
            ModelState.AddModelError(nameof(ConfirmPassphrase), "The two passphrases are different. Enter the same passphrase twice.");
        }
        // The token found the invitation, so it is there.
        if (ModelState.IsValid && Token is { } token && Passphrase is { } passphrase)
        {
            var (account, errors) = await invitations.AcceptAsync(token, passphrase, cancellationToken);
            if (account is not null)
            {
                await signIn.SignOutAsync();
                await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: "pwd");
                await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, account.Id, "invitation accepted, passphrase set");
                return LocalRedirect(AccountsPaths.Enrol);
            }
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(Passphrase), error);
            }
        }
        Passphrase = ConfirmPassphrase = null;
        return Page();
    }

    /// <summary>Looks the invitation up; one that cannot be used answers 404 with the page that says so.</summary>
    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        var found = await invitations.FindUsableAsync(Token, cancellationToken);
        Usable = found is not null;
        Email = found?.Account.Email;
        if (!Usable)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Usable;
    }

    /// <summary>The hint under the passphrase field.</summary>
    public static string PassphraseHint =>
        $"At least {PassphraseRules.MinimumLength} characters. Any characters: three or four unrelated words are easy to remember and hard to guess. Do not use a passphrase you use anywhere else.";
}
