using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Calendar;
using Safeguard.Platform;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>
/// Deadlines in a calendar app: a secret address to subscribe to, shown once when made, which can be revoked or
/// replaced at any time.
/// </summary>
internal sealed class CalendarModel(FoiCalendarFeeds feeds, PublicAddress site) : PageModel
{
    public static IReadOnlyList<Choice> Scopes { get; } =
    [
        new("all", "Every request’s deadlines"),
        new("owned", "Only the deadlines of requests I own"),
    ];

    [BindProperty]
    public string? Scope { get; set; } = "all";

    public FoiCalendarFeed? Active { get; private set; }

    /// <summary>The address just made, shown this once.</summary>
    public string? NewAddress { get; private set; }

    public bool Revoked { get; private set; }

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Active = await feeds.ActiveAsync(Owner, cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (Scopes.All(s => s.Value != Scope))
        {
            ModelState.AddModelError(nameof(Scope), "Choose which deadlines the calendar shows");
        }
        else
        {
            var token = await feeds.CreateAsync(Owner, Scope == "owned", cancellationToken);
            NewAddress = site.Of(Request) + FoiStaffPaths.CalendarFeed(token);
        }
        Active = await feeds.ActiveAsync(Owner, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        Revoked = await feeds.RevokeAsync(Owner, cancellationToken);
        return Page();
    }
}
