using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Meetings.Public;

/// <summary>A published meeting's document for anyone; an internal meeting's is a 404, as one that does not exist.</summary>
internal sealed class EventDocumentModel(MeetingBook book) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, int document, CancellationToken cancellationToken) =>
        MeetingDocumentFile.Of(await book.PublishedDocumentAsync(slug, document, cancellationToken), this);
}
