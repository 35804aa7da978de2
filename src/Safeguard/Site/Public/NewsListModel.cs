using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;
using Safeguard.Site.News;

namespace Safeguard.Site.Public;

/// <summary>A page of published posts, all of them or one category's, the latest first; a page that does not exist is a 404.</summary>
internal abstract class NewsListModel(NewsReader reader) : PageModel
{
    public const int PostsPerPage = 10;

    public IReadOnlyList<NewsPost> Posts { get; private set; } = [];

    public Pagination Pages { get; private set; } = null!;

    protected async Task<IActionResult> ListAsync(string? category, string path, CancellationToken cancellationToken)
    {
        if (!Pagination.TryReadPage(Request.Query, out var page))
        {
            return NotFound();
        }
        var (posts, total) = await reader.PageAsync(category, (page - 1) * PostsPerPage, PostsPerPage, cancellationToken);
        Pages = new Pagination(page, PostsPerPage, total, path, "News pages");
        if (!Pages.Exists)
        {
            return NotFound();
        }
        Posts = posts;
        return Page();
    }
}
