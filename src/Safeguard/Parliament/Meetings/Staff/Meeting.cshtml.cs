using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Parliament.Staff;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>A meeting as the secretariat sees it, with its follow-up actions, and adding one.</summary>
internal sealed class MeetingModel(MeetingBook book, ParliamentSettings settings) : PageModel
{
    public AppgMeeting Current { get; private set; } = null!;

    public IReadOnlyList<MeetingDocumentEntry> Documents { get; private set; } = [];

    public string MaxDocumentSize => UploadedFile.Size(settings.MaxDocumentBytes);

    [BindProperty]
    [Required(ErrorMessage = "Enter what is to be done, for example Send the Minister the briefing on time limits")]
    [TextLength(1000, "The action")]
    public string? Action { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter who will do it")]
    [TextLength(200, "The owner's name")]
    public string? Owner { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date it is due as day/month/year, for example " + FormDates.Example)]
    [Date("the date it is due")]
    public string? DueOn { get; set; }

    public async Task<IActionResult> OnGetAsync(int meeting, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(meeting, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        Documents = await book.DocumentsAsync(meeting, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meeting, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(meeting, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        Documents = await book.DocumentsAsync(meeting, cancellationToken);
        if (!ModelState.IsValid || FormText.Read(Action) is not { } action || FormText.Read(Owner) is not { } owner || FormDates.Parse(DueOn) is not { } dueOn)
        {
            return Page();
        }
        return await book.AddFollowUpAsync(meeting, action, owner, dueOn, cancellationToken)
            ? LocalRedirect($"{ParliamentStaffPaths.Meeting(meeting)}#follow-ups")
            : NotFound();
    }
}
