using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Casework.Referrals;

/// <summary>After a referral is sent: what happens next, the same for everyone, and nothing about anyone.</summary>
[AllowAnonymous]
internal sealed class SentModel : PageModel
{
    public void OnGet() => Response.Headers.CacheControl = "no-store";
}
