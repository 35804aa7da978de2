using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.Anonymous;

/// <summary>
/// A demonstration account's one-time link (<see cref="DemonstrationSignIns"/>): signs it straight in and goes to the
/// staff home. Every reason a link cannot be used gets the same answer, a 404 with the page that says so.
/// </summary>
[EnableRateLimiting(AccountsModule.SignInRateLimit)]
internal sealed class DemonstrationSignInModel(DemonstrationSignIns links, SignInManager<StaffAccount> signIn) : PageModel
{
    /// <summary>RFC 8176's value for a sign-in by a link that, on one's own machine only, stands in for both factors.</summary>
    public const string DemonstrationLink = "demonstration-link";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await links.RedeemAsync(Token, cancellationToken) is not { } account)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await signIn.SignOutAsync();
        await signIn.SignInWithClaimsAsync(account, isPersistent: false,
            [new Claim(StaffPolicies.AuthenticationMethods, DemonstrationLink), new Claim(StaffPolicies.AuthenticationMethods, StaffPolicies.MultiFactor)]);
        await AccountsAudit.RecordAsync(HttpContext, AuditAction.SignIn, account.Id, "demonstration sign-in link, on this machine only");
        return LocalRedirect(AccountsPaths.Home);
    }
}
