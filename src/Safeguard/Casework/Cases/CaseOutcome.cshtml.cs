using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Data;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Cases;

/// <summary>How the case ended: released (and how), removed, transferred, lost contact; or still detained.</summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class CaseOutcomeModel(CaseAccess access, CaseBook book, CaseworkDbContext db, TimeProvider time) : CasePageModel(access, time)
{
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? On { get; set; }

    [BindProperty]
    public string? Route { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync("outcome form", cancellationToken))
        {
            return NotFound();
        }
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == Opened.ClientId).Select(c => new { c.Outcome, c.OutcomeOn, c.ReleaseRoute }).SingleAsync(cancellationToken);
        (Outcome, On, Route) = (client.Outcome.ToString(), FormDates.Value(client.OutcomeOn), client.ReleaseRoute?.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        var outcome = ModelState.Choice<Outcome>(nameof(Outcome), Outcome, "Choose the outcome");
        var on = outcome is null or Cases.Outcome.StillDetained ? null : ModelState.Date(nameof(On), On, "Enter the day of the outcome", "the day of the outcome", Today);
        var route = outcome == Cases.Outcome.Released ? ModelState.Choice<ReleaseRoute>(nameof(Route), Route, "Choose how the person was released") : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await book.SetOutcomeAsync(Opened, new OutcomeInput(outcome!.Value, on, route), cancellationToken);
        return BackToCase("client");
    }
}
