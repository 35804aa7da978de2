using Microsoft.AspNetCore.Mvc;
using Safeguard.Site.News;

namespace Safeguard.Site.Staff;

/// <summary>Changing a post, whatever its state; a published post changes on the public pages at once.</summary>
internal sealed class EditPostModel(NewsDesk desk) : PostFormModel
{
    [FromRoute(Name = "id")]
    public int PostId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(PostId, cancellationToken) is not { } post)
        {
            return NotFound();
        }
        Fill(post);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Read() is not { } input)
        {
            return Page();
        }
        try
        {
            return await desk.ChangeAsync(PostId, input, cancellationToken) ? LocalRedirect(SiteStaffPaths.Post(PostId)) : NotFound();
        }
        catch (PostAddressTakenException taken)
        {
            Refuse(taken);
            return Page();
        }
    }
}
