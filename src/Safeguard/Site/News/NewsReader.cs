using Microsoft.EntityFrameworkCore;
using Safeguard.Site.Data;

namespace Safeguard.Site.News;

/// <summary>
/// The public side of the news: only published posts, the latest first. The one read behind the home page, the news
/// and category pages and the feeds, so none of them can show what another would not.
/// </summary>
internal sealed class NewsReader(SiteDbContext db)
{
    /// <summary>Published posts, in <paramref name="category"/> when given, as a page of them and how many there are in all.</summary>
    public async Task<(IReadOnlyList<NewsPost> Posts, int Total)> PageAsync(string? category, int skip, int take, CancellationToken cancellationToken)
    {
        var published = db.Posts.AsNoTracking().Where(p => p.State == PostState.Published)
            .Where(p => category == null || p.Categories.Any(c => c.Category == category));
        var total = await published.CountAsync(cancellationToken);
        var posts = await published.Include(p => p.Categories)
            .OrderByDescending(p => p.PublishAtUtc).ThenByDescending(p => p.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (posts, total);
    }

    /// <summary>
    /// The published post at <paramref name="slug"/>: the post when it is its current address, else the post whose
    /// address it was (to redirect to), else null; a draft's or a scheduled post's address is null, as an unknown one.
    /// </summary>
    public async Task<NewsPost?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var postId = await db.PostAddresses.Where(a => a.Slug == slug).Select(a => (int?)a.PostId).FirstOrDefaultAsync(cancellationToken);
        return postId is null ? null : await db.Posts.AsNoTracking().Include(p => p.Categories)
            .FirstOrDefaultAsync(p => p.Id == postId && p.State == PostState.Published, cancellationToken);
    }
}
