namespace Safeguard.Site.News;

/// <summary>Where a post is on its way to the public: written, waiting for its time, or public.</summary>
internal enum PostState
{
    Draft,
    Scheduled,
    Published,
}

/// <summary>
/// A news post on the charity's site. Its body is Markdown, rendered and sanitised only on output; its address is its
/// slug, made from its title, and every address it has had stays as a <see cref="PostAddress"/> so that links to an
/// older title keep working.
/// </summary>
internal sealed class NewsPost
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    /// <summary>A sentence or two, shown in lists, feeds and links shared elsewhere.</summary>
    public required string Summary { get; set; }

    /// <summary>The post in Markdown, as the editor wrote it.</summary>
    public required string Body { get; set; }

    /// <summary>The name the post is signed with: a person or the charity's team; never an account id.</summary>
    public required string Author { get; set; }

    public PostState State { get; set; }

    /// <summary>When it went public (Published) or is to (Scheduled), in UTC; null for a draft.</summary>
    public DateTime? PublishAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<PostCategory> Categories { get; set; } = [];

    public List<PostAddress> Addresses { get; set; } = [];
}

/// <summary>One of a post's categories, by the category's slug (<see cref="NewsCategories"/>).</summary>
internal sealed class PostCategory
{
    public int PostId { get; set; }

    public required string Category { get; set; }
}

/// <summary>A slug a post has had, its current one included: unique across posts, so an old address leads to one post.</summary>
internal sealed class PostAddress
{
    public required string Slug { get; set; }

    public int PostId { get; set; }
}
