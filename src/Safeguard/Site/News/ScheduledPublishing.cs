using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Site.Data;

namespace Safeguard.Site.News;

/// <summary>
/// Publishes the posts whose scheduled time has come, with no one signed in. Each post moves from scheduled to
/// published by an update that names its state, in one transaction with its audit entry: were two nodes to run at
/// once, the second finds the post no longer scheduled and neither publishes nor records it again.
/// </summary>
internal sealed class ScheduledPublishing(SiteDbContext db, IAuditTrail audit)
{
    /// <summary>Who the audit trail says published a post at its time.</summary>
    public const string Actor = "system";

    /// <summary>Publishes every post scheduled for <paramref name="nowUtc"/> or before; the number published.</summary>
    public async Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var due = await db.Posts.Where(p => p.State == PostState.Scheduled && p.PublishAtUtc <= nowUtc).Select(p => p.Id).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = await db.Posts.Where(p => p.Id == id && p.State == PostState.Scheduled)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.State, PostState.Published), cancellationToken);
            if (moved == 1)
            {
                await audit.RecordAsync(new AuditEvent(Actor, AuditAction.Publish, NewsDesk.RecordType, id.ToString(CultureInfo.InvariantCulture),
                    "scheduled publishing", "published at its scheduled time"), transaction.GetDbTransaction(), cancellationToken);
                published++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return published;
    }
}
