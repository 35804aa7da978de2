using Microsoft.AspNetCore.Mvc;
using Safeguard.Site.News;

namespace Safeguard.Site.Public;

/// <summary>All the charity's published news, a page at a time.</summary>
internal sealed class NewsModel(NewsReader reader) : NewsListModel(reader)
{
    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ListAsync(null, "/news", cancellationToken);
}
