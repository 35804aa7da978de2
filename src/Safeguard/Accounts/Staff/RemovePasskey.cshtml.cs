using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Passkeys;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.Staff;

/// <summary>
/// Removing one of the signed-in person's own passkeys, after a confirmation. Another account's passkey, or one that
/// does not exist, is "not found" alike.
/// </summary>
internal sealed class RemovePasskeyModel(UserManager<StaffAccount> users, StaffPasskeys passkeys) : PageModel
{
    /// <summary>The passkey's credential id, base64url, as in the list's links.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Passkey { get; set; }

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await FindAsync() is not { } found)
        {
            return NotFound();
        }
        Name = found.Passkey.Name ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not var (account, passkey))
        {
            return NotFound();
        }
        await passkeys.RemoveAsync(account, passkey, User);
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.Update, account.Id, $"{StaffPasskeys.Reference(passkey.CredentialId)} removed; other sessions ended");
        return LocalRedirect(AccountsPaths.Passkeys + "?done=removed");
    }

    private async Task<(StaffAccount Account, UserPasskeyInfo Passkey)?> FindAsync() =>
        await users.GetUserAsync(User) is { } account && await passkeys.FindAsync(account, Passkey) is { } passkey ? (account, passkey) : null;
}
