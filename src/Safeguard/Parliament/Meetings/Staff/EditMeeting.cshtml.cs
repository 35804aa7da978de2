using Microsoft.AspNetCore.Mvc;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>Changing a meeting recorded before, publishing it or taking it off the public pages.</summary>
internal sealed class EditMeetingModel(MeetingBook book) : MeetingFormModel
{
    public AppgMeeting Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int meeting, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(meeting, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        Fill(found);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meeting, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(meeting, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        if (Read() is not { } input)
        {
            return Page();
        }
        try
        {
            return await book.ChangeAsync(meeting, input, cancellationToken)
                ? LocalRedirect(Parliament.Staff.ParliamentStaffPaths.Meeting(meeting))
                : NotFound();
        }
        catch (UnknownParliamentariansException unknown)
        {
            Refuse(unknown);
            return Page();
        }
    }
}
