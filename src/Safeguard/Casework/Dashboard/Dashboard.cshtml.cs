using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Casework.Access;
using Safeguard.Casework.Referrals;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.Dashboard;

/// <summary>
/// What needs action on the cases the signed-in member of staff may open: overdue Home Office responses, waiting
/// referrals, assessments without a report, and how many limitation dates fall in the next twelve months. The page
/// names cases by number only; viewing it is recorded with the numbers it listed.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class DashboardModel(CaseworkDashboard dashboard, ReferralDesk referrals, CaseworkAudit audit, CaseworkSettings settings) : PageModel
{
    public ActionList Actions { get; private set; } = null!;

    public int WaitingReferrals { get; private set; }

    /// <summary>Of <see cref="WaitingReferrals"/>, those the referrer marked urgent.</summary>
    public int UrgentReferrals { get; private set; }

    public int OverdueAfterDays => settings.OverdueAfterDays;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(User);
        Actions = await dashboard.ReadAsync(reader, cancellationToken);
        (WaitingReferrals, UrgentReferrals) = await referrals.WaitingCountAsync(cancellationToken);
        await audit.ReadCasesAsync(CaseworkAudit.Dashboard, $"what needs action{(reader.IsSupervisor ? " as supervisor" : "")}", [.. Actions.CaseNumbers], cancellationToken);
    }
}
