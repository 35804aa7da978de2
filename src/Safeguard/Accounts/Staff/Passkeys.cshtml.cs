using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Passkeys;
using Safeguard.Audit.Contracts;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Accounts.Staff;

/// <summary>
/// The signed-in person's passkeys: the list, and adding one with a name. Only someone signed in with two factors
/// reaches this page, so a stolen passphrase alone can never add a passkey.
/// </summary>
internal sealed class PasskeysModel(UserManager<StaffAccount> users, StaffPasskeys passkeys) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter a name for the passkey")]
    [TextLength(StaffPasskeys.NameMaximumLength, "The name")]
    public string? Name { get; set; }

    /// <summary>The browser's answer to the creation request, as JSON (<c>PublicKeyCredential.toJSON()</c>).</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>The name of the browser's error when the ceremony failed or was cancelled.</summary>
    [BindProperty]
    public string? Failure { get; set; }

    /// <summary>Set after adding or removing one: "added" or "removed".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }
        Passkeys = await passkeys.ListAsync(account);
        return Page();
    }

    /// <summary>Begins adding a passkey, once it has a name: the options for the browser, as JSON.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }
        return ModelState.IsValid ? Content(await passkeys.CreationOptionsAsync(account), "application/json") : BadRequest();
    }

    /// <summary>Finishes adding a passkey with the browser's answer.</summary>
    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }
        Done = null;
        // A name its rules refused has its message already; with a name, the browser's answer is checked.
        if (ModelState.IsValid && FormText.Read(Name) is { } name)
        {
            if (Failure is not null || string.IsNullOrEmpty(CredentialJson))
            {
                ModelState.AddModelError(AddField, PasskeyMessages.NotAdded(Failure ?? "Error"));
            }
            else if (await passkeys.AddAsync(account, name, CredentialJson) is { } reference)
            {
                await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, account.Id, $"{reference} added");
                return LocalRedirect(AccountsPaths.Passkeys + "?done=added");
            }
            else
            {
                ModelState.AddModelError(AddField, PasskeyMessages.NotAdded(null));
            }
        }
        Passkeys = await passkeys.ListAsync(account);
        return Page();
    }

    /// <summary>The add button's id, which the error summary links to.</summary>
    private const string AddField = "AddPasskey";
}
