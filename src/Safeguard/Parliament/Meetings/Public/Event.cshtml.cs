using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Meetings.Public;

/// <summary>One published meeting; an internal one is a 404, as one that does not exist, so its address tells nothing.</summary>
internal sealed class EventModel(MeetingBook book) : PageModel
{
    public AppgMeeting Meeting { get; private set; } = null!;

    public IReadOnlyList<MeetingDocumentEntry> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.PublishedAsync(slug, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }
        Meeting = meeting;
        Documents = await book.DocumentsAsync(meeting.Id, cancellationToken);
        return Page();
    }
}
