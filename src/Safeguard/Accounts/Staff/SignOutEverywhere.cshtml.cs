using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.Staff;

/// <summary>
/// Ends every session of the account: a new security stamp makes every cookie issued before it invalid on its next
/// request (sessions are checked against the stamp on every request).
/// </summary>
internal sealed class SignOutEverywhereModel(SignInManager<StaffAccount> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }
        await signIn.UserManager.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignOut, account.Id, "every session");
        return LocalRedirect(AccountsPaths.SignIn + "?signedOut=everywhere");
    }
}
