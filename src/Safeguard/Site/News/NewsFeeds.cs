using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Safeguard.Platform;

namespace Safeguard.Site.News;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds of the published news, all of it (<c>/news.rss</c>, <c>/news.atom</c>) and by category
/// (<c>/news/category/{category}.rss</c> and <c>.atom</c>): the latest posts, each with its summary and its whole body
/// as sanitised HTML, read through <see cref="NewsReader"/> as the pages are.
/// </summary>
internal static class NewsFeeds
{
    /// <summary>How many of the latest posts a feed holds.</summary>
    public const int Items = 20;

    public static IEndpointRouteBuilder MapNewsFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRead("/news.rss", (HttpContext context, NewsReader reader, PublicAddress address, CancellationToken cancellationToken) =>
            FeedAsync(context, reader, address, null, rss: true, cancellationToken)).ExcludeFromDescription();
        endpoints.MapRead("/news.atom", (HttpContext context, NewsReader reader, PublicAddress address, CancellationToken cancellationToken) =>
            FeedAsync(context, reader, address, null, rss: false, cancellationToken)).ExcludeFromDescription();
        endpoints.MapRead("/news/category/{category}.rss", (string category, HttpContext context, NewsReader reader, PublicAddress address, CancellationToken cancellationToken) =>
            FeedAsync(context, reader, address, category, rss: true, cancellationToken)).ExcludeFromDescription();
        endpoints.MapRead("/news/category/{category}.atom", (string category, HttpContext context, NewsReader reader, PublicAddress address, CancellationToken cancellationToken) =>
            FeedAsync(context, reader, address, category, rss: false, cancellationToken)).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(HttpContext context, NewsReader reader, PublicAddress address, string? category, bool rss, CancellationToken cancellationToken)
    {
        var known = category is null ? null : NewsCategories.Find(category);
        if (category is not null && known is null)
        {
            return TypedResults.NotFound();
        }
        var site = address.Of(context.Request);
        var page = known is null ? "/news" : $"/news/category/{known.Slug}";
        var self = $"{site}{page}.{(rss ? "rss" : "atom")}";
        var (posts, _) = await reader.PageAsync(category, 0, Items, cancellationToken);
        var feed = new SyndicationFeed(
            known is null ? "News – Safeguard" : $"{known.Name} – Safeguard",
            known?.Description ?? "The charity's news about immigration detention: Parliament, statistics, annual reports and court decisions",
            new Uri(site + page), self, posts.Count == 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(posts.Max(p => p.UpdatedAtUtc), TimeSpan.Zero))
        {
            Language = "en-GB",
            Items = [.. posts.Select(post => Item(site, post))],
        };
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", null, rss ? "application/rss+xml" : "application/atom+xml", 0));
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            if (rss)
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(xml);
            }
            else
            {
                new Atom10FeedFormatter(feed).WriteTo(xml);
            }
        }
        return TypedResults.Bytes(buffer.ToArray(), rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
    }

    private static SyndicationItem Item(string site, NewsPost post)
    {
        var link = new Uri($"{site}/news/{post.Slug}");
        var item = new SyndicationItem(post.Title, SyndicationContent.CreateHtmlContent(Platform.Web.PublishedMarkdown.ToHtml(post.Body)), link, link.ToString(),
            new DateTimeOffset(post.UpdatedAtUtc, TimeSpan.Zero))
        {
            Summary = new TextSyndicationContent(post.Summary),
            PublishDate = new DateTimeOffset(post.PublishAtUtc!.Value, TimeSpan.Zero),
        };
        item.Authors.Add(new SyndicationPerson { Name = post.Author });
        foreach (var category in post.Categories.Select(c => NewsCategories.Find(c.Category)).OfType<NewsCategory>())
        {
            item.Categories.Add(new SyndicationCategory(category.Slug) { Label = category.Name });
        }
        return item;
    }
}
