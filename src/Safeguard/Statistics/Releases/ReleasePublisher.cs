using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Releases;

/// <summary>Raised when a release cannot be published; the message is written for the person publishing.</summary>
internal sealed class ReleasePublicationException(string message) : Exception(message);

/// <summary>Turns a draft into an immutable, content-hashed release in one transaction (the caller's, if one is open).</summary>
/// <remarks>
/// Records the publication in the audit trail in the same transaction, and raises the publication signal
/// (<see cref="LatestPublication"/>): announced to every node when the transaction commits, and told to this process
/// once it has. Whatever shows "the latest release" listens to that signal; the publisher knows nothing of it.
/// </remarks>
internal sealed class ReleasePublisher(StatisticsDbContext db, TimeProvider clock, IAuditTrail audit, IAuditOrigin origin, LatestPublication latest)
{
    public Task<Release> PublishAsync(string slug, CancellationToken cancellationToken) => PublishAsync(slug, null, null, cancellationToken);

    public Task<Release> PublishAsync(string slug, string? note, CancellationToken cancellationToken) => PublishAsync(slug, note, null, cancellationToken);

    /// <summary>
    /// Publishes a draft. When it supersedes an earlier release, its changelog says what changed against that release
    /// (counts of figures added, changed and removed), followed by <paramref name="note"/>. With <paramref name="reviewed"/>,
    /// the content hash of the figures the person publishing reviewed, a draft that has changed since is refused.
    /// </summary>
    public async Task<Release> PublishAsync(string slug, string? note, string? reviewed, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Before reading anything: an import committing into this draft, or another draft being published, finishes first.
        await ReleaseWriters.WaitForOthersAsync(db, cancellationToken);
        var release = await db.Releases.FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken)
            ?? throw new ReleasePublicationException($"There is no release '{slug}'.");
        if (release.Status == ReleaseStatus.Published)
        {
            throw new ReleasePublicationException($"Release '{slug}' was already published on {FormDates.Show(release.PublishedAtUtc)}; publish a correction as a new release.");
        }
        // A draft started from one release (or none) must not hide figures that a release published since then added.
        if (await StaleDraft.ProblemAsync(db, release, cancellationToken) is { } stale)
        {
            throw new ReleasePublicationException(StaleDraft.Sentence(stale));
        }
        var reader = new StatisticsReader(db);
        var rows = await reader.ObservationsAsync(new ObservationFilter { ReleaseId = release.Id }, cancellationToken);
        if (rows.Count == 0)
        {
            throw new ReleasePublicationException($"Release '{slug}' has no figures; import some before publishing.");
        }
        var contentHash = ReleaseContentHash.Compute(rows);
        if (reviewed is not null && reviewed != contentHash)
        {
            throw new ReleasePublicationException(
                $"Release '{slug}' has changed since you reviewed it: figures were imported into it meanwhile. Check its changes, then publish again.");
        }
        // Words already on the draft are kept, after the counts, when no new note is given.
        release.Changelog = await ChangelogAsync(release, rows, note ?? release.Changelog, cancellationToken);
        release.ContentHash = contentHash;
        release.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
        release.Status = ReleaseStatus.Published;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Publish, "release", release.Slug, origin.Source,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rows.Count} figures, content hash {release.ContentHash}")),
            db.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
        await LatestPublication.AnnounceAsync(db, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            latest.Observe(new PublishedRelease(release.Id, release.Slug, release.PublishedAtUtc.Value));
        }
        return release;
    }

    private async Task<string?> ChangelogAsync(Release release, List<ObservationRow> rows, string? note, CancellationToken cancellationToken)
    {
        var previous = release.SupersedesId is { } id ? await db.Releases.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken) : null;
        if (previous is null)
        {
            return string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        }
        var before = await new StatisticsReader(db).ObservationsAsync(new ObservationFilter { ReleaseId = previous.Id }, cancellationToken);
        var comparison = ReleaseComparison.Compare(before, rows);
        var summary = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Compared with release '{previous.Slug}': {comparison.Added:#,0} figures added, {comparison.Changed:#,0} changed, {comparison.Removed:#,0} removed.");
        return string.IsNullOrWhiteSpace(note) ? summary : $"{summary}\n\n{note.Trim()}";
    }
}
