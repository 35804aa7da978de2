using System.ComponentModel.DataAnnotations;
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
    [Choice<Outcome>("Choose the outcome")]
    public string? Outcome { get; set; }

    /// <summary>Asked of every outcome but still detained.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter the day of the outcome")]
    [PastDate("the day of the outcome")]
    public string? On { get; set; }

    /// <summary>Asked of a release only.</summary>
    [BindProperty]
    [Choice<ReleaseRoute>("Choose how the person was released")]
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
        var outcome = FormChoices.Read<Outcome>(Outcome);
        var on = ModelState.Asked(nameof(On), outcome is not (null or Cases.Outcome.StillDetained), On);
        var route = ModelState.Asked(nameof(Route), outcome is Cases.Outcome.Released, Route);
        if (!ModelState.IsValid || outcome is not { } chosen)
        {
            return Page();
        }
        await book.SetOutcomeAsync(Opened, new OutcomeInput(chosen, FormDates.Parse(on), FormChoices.Read<ReleaseRoute>(route)), cancellationToken);
        return BackToCase("client");
    }
}
