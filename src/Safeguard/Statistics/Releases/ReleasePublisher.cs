using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Releases;

/// <summary>Raised when a release cannot be published; the message is written for the person publishing.</summary>
public sealed class ReleasePublicationException(string message) : Exception(message);

/// <summary>Turns a draft into an immutable, content-hashed release in one transaction (the caller's, if one is open).</summary>
/// <remarks>When given the output cache, empties the portal's cached pages so the new release shows at once.</remarks>
public sealed class ReleasePublisher(StatisticsDbContext db, TimeProvider clock, IOutputCacheStore? cache = null)
{
    public async Task<Release> PublishAsync(string slug, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var release = await db.Releases.FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken)
            ?? throw new ReleasePublicationException($"There is no release '{slug}'.");
        if (release.Status == ReleaseStatus.Published)
        {
            throw new ReleasePublicationException($"Release '{slug}' was already published on {release.PublishedAtUtc:d MMMM yyyy}; publish a correction as a new release.");
        }
        var rows = await new StatisticsReader(db).ObservationsAsync(new ObservationFilter { ReleaseId = release.Id }, cancellationToken);
        if (rows.Count == 0)
        {
            throw new ReleasePublicationException($"Release '{slug}' has no figures; import some before publishing.");
        }
        release.ContentHash = ReleaseContentHash.Compute(rows);
        release.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
        release.Status = ReleaseStatus.Published;
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        if (cache is not null)
        {
            await Portal.PortalCaching.EvictAsync(cache, cancellationToken);
        }
        return release;
    }
}
