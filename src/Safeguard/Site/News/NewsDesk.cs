using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Site.Data;

namespace Safeguard.Site.News;

/// <summary>A post as the editors' form gives it; its slug is made from its title.</summary>
internal sealed record PostInput(string Title, string Summary, string Body, string Author, IReadOnlyList<string> Categories);

/// <summary>The address a title makes is, or was, another post's, so the post cannot take it.</summary>
internal sealed class PostAddressTakenException(string slug) : Exception($"The address /news/{slug} is another post's")
{
    public string Slug => slug;
}

/// <summary>
/// The editors' side of the news: writing, changing, publishing, scheduling and withdrawing posts, each change saved with
/// its entry on the audit trail in one transaction (the post by id; the detail says what changed, never the words).
/// </summary>
internal sealed class NewsDesk(SiteDbContext db, IAuditTrail audit, IAuditOrigin origin, TimeProvider clock)
{
    public const string RecordType = "news-post";

    /// <summary>Every post, drafts included, the most recently changed first.</summary>
    public Task<List<NewsPost>> ListAsync(CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().Include(p => p.Categories).OrderByDescending(p => p.UpdatedAtUtc).ThenByDescending(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>A post whatever its state, with its categories, by id; null when there is none.</summary>
    public Task<NewsPost?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().Include(p => p.Categories).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>Writes a new draft.</summary>
    /// <exception cref="PostAddressTakenException">Another post has, or had, the address its title makes.</exception>
    public async Task<NewsPost> AddAsync(PostInput input, CancellationToken cancellationToken)
    {
        var slug = PostSlug.FromTitle(input.Title);
        await RefuseTakenAsync(slug, null, cancellationToken);
        var post = new NewsPost { Slug = slug, Title = input.Title, Summary = input.Summary, Body = input.Body, Author = input.Author, State = PostState.Draft };
        Fill(post, input);
        post.Addresses.Add(new PostAddress { Slug = slug });
        db.Posts.Add(post);
        await SaveAsync(AuditAction.Create, () => post.Id, $"draft written, {post.Categories.Count} categories", cancellationToken);
        return post;
    }

    /// <summary>
    /// Changes a post. A new title gives it a new address; the old one stays its own and redirects to the new, so links
    /// to it keep working. False when there is no such post.
    /// </summary>
    /// <exception cref="PostAddressTakenException">Another post has, or had, the address the new title makes.</exception>
    public async Task<bool> ChangeAsync(int id, PostInput input, CancellationToken cancellationToken)
    {
        if (await db.Posts.Include(p => p.Categories).Include(p => p.Addresses).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } post)
        {
            return false;
        }
        var slug = PostSlug.FromTitle(input.Title);
        var moved = slug != post.Slug;
        if (moved)
        {
            await RefuseTakenAsync(slug, id, cancellationToken);
            if (post.Addresses.All(a => a.Slug != slug))
            {
                post.Addresses.Add(new PostAddress { Slug = slug });
            }
            post.Slug = slug;
        }
        post.Title = input.Title;
        post.Summary = input.Summary;
        post.Body = input.Body;
        post.Author = input.Author;
        db.PostCategories.RemoveRange(post.Categories);
        post.Categories.Clear();
        Fill(post, input);
        await SaveAsync(AuditAction.Update, () => id, moved ? "changed, with a new address" : "changed", cancellationToken);
        return true;
    }

    /// <summary>Publishes a post now; false when there is no such post.</summary>
    public Task<bool> PublishNowAsync(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, PostState.Published, clock.GetUtcNow().UtcDateTime, AuditAction.Publish, "published", cancellationToken);

    /// <summary>Schedules a post to be published at <paramref name="atUtc"/> by <see cref="ScheduledPublishing"/>; false when there is no such post.</summary>
    public Task<bool> ScheduleAsync(int id, DateTime atUtc, CancellationToken cancellationToken) =>
        MoveAsync(id, PostState.Scheduled, atUtc, AuditAction.Update,
            string.Create(CultureInfo.InvariantCulture, $"scheduled for {atUtc:yyyy-MM-dd HH:mm} UTC"), cancellationToken);

    /// <summary>Takes a post back to draft, off the public pages and feeds; false when there is no such post.</summary>
    public Task<bool> WithdrawAsync(int id, CancellationToken cancellationToken) =>
        MoveAsync(id, PostState.Draft, null, AuditAction.Update, "returned to draft", cancellationToken);

    private async Task<bool> MoveAsync(int id, PostState state, DateTime? atUtc, AuditAction action, string detail, CancellationToken cancellationToken)
    {
        if (await db.Posts.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } post)
        {
            return false;
        }
        post.State = state;
        post.PublishAtUtc = atUtc;
        post.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(action, () => id, detail, cancellationToken);
        return true;
    }

    private void Fill(NewsPost post, PostInput input)
    {
        post.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        post.Categories.AddRange(input.Categories.Distinct(StringComparer.Ordinal).Select(c => new PostCategory { Category = c }));
    }

    private async Task RefuseTakenAsync(string slug, int? postId, CancellationToken cancellationToken)
    {
        if (await db.PostAddresses.AnyAsync(a => a.Slug == slug && a.PostId != postId, cancellationToken))
        {
            throw new PostAddressTakenException(slug);
        }
    }

    private async Task SaveAsync(AuditAction action, Func<int> postId, string detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(origin.Actor, action, RecordType, postId().ToString(CultureInfo.InvariantCulture), origin.Source, detail),
            transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
