using Microsoft.AspNetCore.Mvc;
using Safeguard.Site.News;

namespace Safeguard.Site.Staff;

/// <summary>Writing a new post, saved as a draft.</summary>
internal sealed class NewPostModel(NewsDesk desk) : PostFormModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Read() is not { } input)
        {
            return Page();
        }
        try
        {
            var post = await desk.AddAsync(input, cancellationToken);
            return LocalRedirect(SiteStaffPaths.Post(post.Id));
        }
        catch (PostAddressTakenException taken)
        {
            Refuse(taken);
            return Page();
        }
    }
}
