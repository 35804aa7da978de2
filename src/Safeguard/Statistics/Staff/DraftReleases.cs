using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Staff;

/// <summary>A draft release as the staff pages list it.</summary>
internal sealed record DraftSummary(string Slug, string Title, int Figures);

/// <summary>
/// A draft compared with the latest published release; <paramref name="ContentHash"/> is what it holds now, as publishing
/// would hash it; <paramref name="Stale"/> says why it cannot be published, when a release published since left it behind.
/// </summary>
internal sealed record DraftComparison(Release Draft, Release? Published, ReleaseComparison Comparison, int Figures, string ContentHash, string? Stale);

/// <summary>The drafts, and how each differs from the latest published release, for the import and publish pages.</summary>
internal sealed class DraftReleases(StatisticsDbContext db)
{
    public Task<List<DraftSummary>> ListAsync(CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.Status == ReleaseStatus.Draft).OrderBy(r => r.Id)
            .Select(r => new DraftSummary(r.Slug, r.Title, r.Observations.Count))
            .ToListAsync(cancellationToken);

    /// <summary>The draft and its changes from the latest published release, or null when there is no such draft.</summary>
    public async Task<DraftComparison?> CompareAsync(string slug, CancellationToken cancellationToken)
    {
        var draft = await db.Releases.AsNoTracking().FirstOrDefaultAsync(r => r.Slug == slug && r.Status == ReleaseStatus.Draft, cancellationToken);
        if (draft is null)
        {
            return null;
        }
        var reader = new StatisticsReader(db);
        var published = await reader.LatestReleaseAsync(cancellationToken);
        var before = published is null ? [] : await reader.ObservationsAsync(new ObservationFilter { ReleaseId = published.Id }, cancellationToken);
        var after = await reader.ObservationsAsync(new ObservationFilter { ReleaseId = draft.Id }, cancellationToken);
        return new DraftComparison(draft, published, ReleaseComparison.Compare(before, after), after.Count, ReleaseContentHash.Compute(after),
            await StaleDraft.ProblemAsync(db, draft, cancellationToken) is { } stale ? StaleDraft.Sentence(stale) : null);
    }

    /// <summary>Whether <paramref name="slug"/> names a published release (a draft page asked for once it is published).</summary>
    public Task<bool> IsPublishedAsync(string slug, CancellationToken cancellationToken) =>
        db.Releases.AnyAsync(r => r.Slug == slug && r.Status == ReleaseStatus.Published, cancellationToken);
}
