using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>Every meeting the secretariat recorded, published or not, the latest first.</summary>
internal sealed class MeetingsModel(MeetingBook book) : PageModel
{
    public IReadOnlyList<AppgMeeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Meetings = await book.ListAsync(publishedOnly: false, cancellationToken);
}
