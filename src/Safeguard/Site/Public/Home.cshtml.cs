using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Site.News;

namespace Safeguard.Site.Public;

/// <summary>The charity's home page: the latest news, and the way to the statistics portal.</summary>
internal sealed class HomeModel(NewsReader reader) : PageModel
{
    /// <summary>How many of the latest posts the home page shows.</summary>
    public const int LatestPosts = 3;

    public IReadOnlyList<NewsPost> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Latest, _) = await reader.PageAsync(null, 0, LatestPosts, cancellationToken);
}
