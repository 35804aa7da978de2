using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Site.News;

namespace Safeguard.Site.Staff;

/// <summary>The editors' home: every post, drafts included, the most recently changed first.</summary>
internal sealed class SiteHomeModel(NewsDesk desk) : PageModel
{
    public IReadOnlyList<NewsPost> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Posts = await desk.ListAsync(cancellationToken);
}
