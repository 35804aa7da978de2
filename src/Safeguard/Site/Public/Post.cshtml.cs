using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Site.News;

namespace Safeguard.Site.Public;

/// <summary>A published post; an address it had before leads to its current one for good (301).</summary>
internal sealed class PostModel(NewsReader reader) : PageModel
{
    public NewsPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(slug, cancellationToken) is not { } post)
        {
            return NotFound();
        }
        if (post.Slug != slug)
        {
            return RedirectPermanent($"/news/{post.Slug}");
        }
        Post = post;
        return Page();
    }
}
