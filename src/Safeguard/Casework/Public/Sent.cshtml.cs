using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Casework.Public;

/// <summary>After a referral is sent: what happens next, the same for everyone, and nothing about anyone.</summary>
internal sealed class SentModel : PageModel
{
    public void OnGet() => Response.Headers.CacheControl = "no-store";
}
