using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Casework.Access;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.Dashboard;

/// <summary>
/// The cases whose claim for false imprisonment must usually be brought within the next twelve months (six years
/// from the end of detention), soonest first. Viewing it is recorded with the case numbers it listed.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class LimitationModel(CaseworkDashboard dashboard, CaseworkAudit audit) : PageModel
{
    public IReadOnlyList<LimitationDue> Due { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(User);
        Due = (await dashboard.ReadAsync(reader, cancellationToken)).Limitation;
        await audit.ReadCasesAsync(CaseworkAudit.Dashboard, $"limitation list{(reader.IsSupervisor ? " as supervisor" : "")}", [.. Due.Select(d => d.CaseNumber)], cancellationToken);
    }
}
