using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// The referrals waiting for triage (urgent first, then oldest first) and those triaged or withdrawn in the last 30 days. The list
/// names nobody: who the referral is about is read on its own page, where the read is recorded.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseSupervision)]
internal sealed class ReferralsModel(ReferralDesk desk, PlacesOfDetention places) : PageModel
{
    public IReadOnlyList<ReferralSummary> Queue { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Centres { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queue = await desk.QueueAsync(cancellationToken);
        Centres = (await places.ListAsync(cancellationToken)).ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal);
    }
}
