using Microsoft.AspNetCore.Mvc;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>Recording a meeting, event or visit.</summary>
internal sealed class NewMeetingModel(MeetingBook book) : MeetingFormModel
{
    public void OnGet() => Published = Platform.Web.Forms.YesNoAttribute.No;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Read() is not { } input)
        {
            return Page();
        }
        try
        {
            var meeting = await book.AddAsync(input, cancellationToken);
            return LocalRedirect(Parliament.Staff.ParliamentStaffPaths.Meeting(meeting.Id));
        }
        catch (UnknownParliamentariansException unknown)
        {
            Refuse(unknown);
            return Page();
        }
    }
}
