using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.SignedIn;

/// <summary>
/// Signing out of this browser: the session ends on the server too, so a copy of its cookie is refused; the person's
/// sessions in other browsers go on ("sign out everywhere" ends those). A form, never a link: a GET cannot sign anyone out.
/// </summary>
internal sealed class SignOutModel(SignInManager<StaffAccount> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var accountId = signIn.UserManager.GetUserId(User);
        await StaffSessions.EndAsync(HttpContext);
        await signIn.SignOutAsync();
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignOut, accountId, "this browser");
        return LocalRedirect(AccountsPaths.SignIn + "?signedOut=here");
    }
}
