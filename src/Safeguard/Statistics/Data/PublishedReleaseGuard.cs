using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Data;

/// <summary>Raised when code tries to change a published release or its figures.</summary>
internal sealed class PublishedReleaseImmutableException(string message) : InvalidOperationException(message);

/// <summary>
/// Refuses, before anything reaches the database, every change to a published release or to an observation in one.
/// Publishing itself (draft to published) is the one permitted change.
/// </summary>
internal static class PublishedReleaseGuard
{
    public static void Check(ChangeTracker tracker)
    {
        var releases = tracker.Context.Set<Release>();
        foreach (var entry in tracker.Entries<Release>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && entry.OriginalValues.GetValue<ReleaseStatus>(nameof(Release.Status)) == ReleaseStatus.Published)
            {
                throw new PublishedReleaseImmutableException(
                    $"Release '{entry.Entity.Slug}' is published and cannot be changed; publish a correction as a new release instead.");
            }
        }
        foreach (var entry in tracker.Entries<Observation>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var releaseId = entry.State == EntityState.Added
                ? entry.Entity.ReleaseId
                : entry.OriginalValues.GetValue<int>(nameof(Observation.ReleaseId));
            var release = entry.Entity.Release is { } loaded && entry.State == EntityState.Added
                ? loaded
                : releases.Local.FirstOrDefault(r => r.Id == releaseId) ?? releases.Find(releaseId);
            if (release is null)
            {
                continue;
            }
            var tracked = tracker.Context.Entry(release);
            if (tracked.State != EntityState.Added
                && tracked.OriginalValues.GetValue<ReleaseStatus>(nameof(Release.Status)) == ReleaseStatus.Published)
            {
                throw new PublishedReleaseImmutableException(
                    $"Release '{release.Slug}' is published and its figures cannot be changed; publish a correction as a new release instead.");
            }
        }
    }
}
