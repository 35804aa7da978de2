using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Funnel;

/// <summary>/staff/parliament/funnel/{parliamentarian}: the days the secretariat asked an MP to join, heard back, and saw them join.</summary>
internal sealed class FunnelRecordModel(MembershipFunnel funnel) : PageModel
{
    public FunnelRow Mp { get; private set; } = null!;

    [BindProperty]
    [PastDate("the day you asked")]
    public string? AskedOn { get; set; }

    [BindProperty]
    [PastDate("the day they replied")]
    public string? RepliedOn { get; set; }

    [BindProperty]
    [PastDate("the day they joined")]
    public string? JoinedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(int parliamentarian, CancellationToken cancellationToken)
    {
        if (await funnel.FindAsync(parliamentarian, cancellationToken) is not { } mp)
        {
            return NotFound();
        }
        Mp = mp;
        (AskedOn, RepliedOn, JoinedOn) = (FormDates.Value(mp.AskedOn), FormDates.Value(mp.RepliedOn), FormDates.Value(mp.JoinedOn));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int parliamentarian, CancellationToken cancellationToken)
    {
        if (await funnel.FindAsync(parliamentarian, cancellationToken) is not { } mp)
        {
            return NotFound();
        }
        Mp = mp;
        var stages = new FunnelStages(FormDates.Parse(AskedOn), FormDates.Parse(RepliedOn), FormDates.Parse(JoinedOn));
        if (ModelState.IsValid && stages.AskedOn is null && (stages.RepliedOn, stages.JoinedOn) is not (null, null))
        {
            ModelState.AddModelError(nameof(AskedOn), "Enter the day you asked: an MP replies or joins after being asked");
        }
        if (ModelState.IsValid && stages.RepliedOn < stages.AskedOn)
        {
            ModelState.AddModelError(nameof(RepliedOn), "The day they replied must be the day you asked or after it");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await funnel.RecordAsync(parliamentarian, stages, cancellationToken);
        return Redirect("/staff/parliament/funnel");
    }
}
