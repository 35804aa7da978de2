using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;

namespace Safeguard.Casework.Removals;

/// <summary>Removing something the Home Office did (recorded on the wrong case, or twice), after a confirmation; the clocks are computed again without it.</summary>
internal sealed class RemoveHomeOfficeEventModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : RemovalPageModel(access, reading, time)
{
    [FromRoute]
    public int Event { get; set; }

    public override string Anchor => "home-office";

    protected override string Record => $"Home Office event {Event}";

    protected override Task<bool> HoldsRecordAsync(CancellationToken cancellationToken) => book.HoldsHomeOfficeEventAsync(Opened, Event, cancellationToken);

    protected override RemovalNotice? Describe(CaseView view) => view.HomeOfficeEvents.SingleOrDefault(e => e.Id == Event) is { } removed
        ? new RemovalNotice(
            $"Remove the Home Office event “{CaseReading.Describe(removed)}” of {FormInput.Long(removed.OccurredOn)}?",
            [.. new[] { removed.Note is null ? null : "Its note is removed with it.", "The clocks, and what is awaited from the Home Office, are worked out again without it." }.OfType<string>()],
            "Remove the Home Office event")
        : null;

    protected override Task<Removal> RemoveAsync(CancellationToken cancellationToken) => book.RemoveHomeOfficeEventAsync(Opened, Event, cancellationToken);
}
