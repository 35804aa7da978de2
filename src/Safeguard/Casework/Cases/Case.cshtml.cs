using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.Cases;

/// <summary>A case: who the client is, the clocks computed from its records, its timeline, and every record.</summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class CaseModel(CaseAccess access, CaseReading reading, TimeProvider time) : CasePageModel(access, time)
{
    public CaseView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync("case page", cancellationToken))
        {
            return NotFound();
        }
        View = await reading.ReadAsync(Opened, cancellationToken);
        return Page();
    }
}
