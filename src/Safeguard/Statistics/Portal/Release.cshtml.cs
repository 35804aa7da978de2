using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Versioned)]
public sealed class StatisticsReleaseModel(PortalQueries queries) : PageModel
{
    public ReleaseView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string release, CancellationToken cancellationToken)
    {
        var view = await queries.ReleaseAsync(release, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Release, "release", versioned: true) ? new EmptyResult() : Page();
    }
}
