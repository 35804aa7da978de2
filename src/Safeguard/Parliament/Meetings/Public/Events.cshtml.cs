using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Meetings.Public;

/// <summary>The group's published meetings, events and visits, the latest first.</summary>
internal sealed class EventsModel(MeetingBook book) : PageModel
{
    public IReadOnlyList<AppgMeeting> Meetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Meetings = await book.ListAsync(publishedOnly: true, cancellationToken);
}
