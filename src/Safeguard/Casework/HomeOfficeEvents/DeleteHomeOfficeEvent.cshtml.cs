using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.HomeOfficeEvents;

/// <summary>Deleting something the Home Office did (recorded on the wrong case, or twice), after a confirmation; the clocks are computed again without it.</summary>
[Authorize(Policy = StaffPolicies.CaseRecordDeletion)]
internal sealed class DeleteHomeOfficeEventModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : DeletionPageModel(access, reading, time)
{
    [FromRoute]
    public int Event { get; set; }

    public override RecordOnCase OnCase => RecordOnCase.HomeOfficeEvent;

    protected override string Record => $"Home Office event {Event}";

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) => await book.HoldsHomeOfficeEventAsync(Opened, Event, cancellationToken) ? null : OnCase;

    protected override DeletionNotice? Describe(CaseView view) => view.HomeOfficeEvents.SingleOrDefault(e => e.Id == Event) is { } homeOffice
        ? new DeletionNotice(
            $"Delete the Home Office event “{CaseReading.Describe(homeOffice)}” of {FormDates.Show(homeOffice.OccurredOn)}?",
            [.. new[] { homeOffice.Note is null ? null : "Its note is deleted with it.", "The clocks, and what is awaited from the Home Office, are worked out again without it." }.OfType<string>()],
            "Delete the Home Office event")
        : null;

    protected override Task<Deletion> DeleteAsync(CancellationToken cancellationToken) => book.DeleteHomeOfficeEventAsync(Opened, Event, cancellationToken);
}
