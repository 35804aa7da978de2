using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// After a referral is recorded: its number, how and when it came, and what happens next, for the member of staff who
/// recorded it only (anyone else gets "not found"). Nothing that identifies anyone is shown again, so the page is safe
/// on a shared screen; a supervisor is offered the referral's triage page, where reading it is recorded.
/// </summary>
[Authorize(Policy = StaffPolicies.ReferralIntake)]
internal sealed class RecordedModel(ReferralDesk desk) : PageModel
{
    [FromRoute]
    public int Referral { get; set; }

    public ReferralSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await desk.RecordedByMeAsync(Referral, cancellationToken) is not { } summary)
        {
            return NotFound();
        }
        Summary = summary;
        return Page();
    }
}
