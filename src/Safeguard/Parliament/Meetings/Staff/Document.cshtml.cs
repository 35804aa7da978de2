using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>A meeting's document for the secretariat, published or not.</summary>
internal sealed class MeetingDocumentModel(MeetingBook book) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int meeting, int document, CancellationToken cancellationToken) =>
        MeetingDocumentFile.Of(await book.DocumentAsync(meeting, document, cancellationToken), this);
}
