using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Detention;

/// <summary>
/// Deleting a stay in detention (entered on the wrong case, or twice), after a confirmation. No other record refers to
/// a stay, so nothing goes with it; the page says what changes: the clocks counted from the stays, and the places the
/// cohort figures count the client at.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseRecordDeletion)]
internal sealed class DeleteEpisodeModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : DeletionPageModel(access, reading, time)
{
    [FromRoute]
    public int Episode { get; set; }

    public override RecordOnCase OnCase => RecordOnCase.Episode;

    protected override string Record => $"detention episode {Episode}";

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) => await book.HoldsEpisodeAsync(Opened, Episode, cancellationToken) ? null : OnCase;

    protected override DeletionNotice? Describe(CaseView view) => view.Episodes.SingleOrDefault(e => e.Id == Episode) is { } episode
        ? new DeletionNotice(
            $"Delete the stay at {episode.Centre} from {FormDates.Show(episode.From)}{(episode.To is { } to ? $" to {FormDates.Show(to)}" : "")}?",
            [
                view.Episodes.Count == 1
                    ? "It is the only stay the case holds: until another is recorded, the case shows no detention, and the clocks that count from it (days detained, the day detention ended, the date a claim must be made by) have nothing to count."
                    : "The clocks that count from the stays (days detained, the day detention ended, the date a claim must be made by) are worked out again from the others.",
                $"Cohort figures by place no longer count the client at {episode.Centre}, unless another of their stays was there. The outcome of the case does not change.",
            ],
            "Delete the stay")
        : null;

    protected override Task<Deletion> DeleteAsync(CancellationToken cancellationToken) => book.DeleteEpisodeAsync(Opened, Episode, cancellationToken);
}
