using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>A bill for the secretariat: every amendment and briefing, supported or not, public or not; and adding a briefing.</summary>
internal sealed class StaffBillModel(BillBook book) : PageModel
{
    public BillView View { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Enter the briefing's title")]
    [TextLength(300, "The title")]
    public string? Title { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the briefing's date as day/month/year, for example " + FormDates.Example)]
    [Date("the briefing's date")]
    public string? Date { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter who it is for, for example Peers")]
    [TextLength(200, "The audience")]
    public string? Audience { get; set; }

    [BindProperty]
    [TextLength(300, "The coalition partners")]
    public string? CoSignedWith { get; set; }

    [BindProperty]
    [TextLength(500, "The address")]
    [Url(ErrorMessage = "Enter the briefing's address as a full web address, starting https://")]
    public string? DocumentUrl { get; set; }

    /// <summary>An amendment of this bill by id, or blank for a briefing on the bill as a whole.</summary>
    [BindProperty]
    public string? Amendment { get; set; }

    [BindProperty]
    [YesNo("Choose whether the briefing is shown on the bill's public page")]
    public string? Published { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.ReadAsync(slug, forPublic: false, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.ReadAsync(slug, forPublic: false, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        int? amendment = int.TryParse(Amendment, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && view.Amendments.Any(a => a.Id == id) ? id : null;
        if (FormText.Read(Amendment) is not null && amendment is null)
        {
            ModelState.AddModelError(nameof(Amendment), "Choose one of this bill's amendments, or none");
        }
        if (!ModelState.IsValid || FormText.Read(Title) is not { } title || FormDates.Parse(Date) is not { } date || FormText.Read(Audience) is not { } audience
            || FormChoices.Answer(Published) is not { } published)
        {
            return Page();
        }
        await book.AddBriefingAsync(view.Bill.Id, new BriefingInput(title, date, audience, FormText.Read(CoSignedWith), FormText.Read(DocumentUrl), published, amendment), cancellationToken);
        return LocalRedirect($"/staff/parliament/bills/{slug}#briefings");
    }
}
