using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Referrals;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.Cases;

/// <summary>A case: who the client is, the referrals it came from, the clocks computed from its records, its timeline, and every record.</summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class CaseModel(CaseAccess access, CaseReading reading, ReferralDesk desk, TimeProvider time) : CasePageModel(access, time)
{
    public CaseView View { get; private set; } = null!;

    /// <summary>The referrals the case came from: the concern, urgency and who referred, with their contact.</summary>
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync("case page", cancellationToken))
        {
            return NotFound();
        }
        View = await reading.ReadAsync(Opened, cancellationToken);
        Referrals = await desk.OfCaseAsync(Opened, cancellationToken);
        return Page();
    }
}
