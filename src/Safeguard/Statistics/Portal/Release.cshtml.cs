using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Safeguard.Platform.Web;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// One published release and a page of its figures. Immutable, so it offers to compare only with releases published
/// before it: a list that grew with later publications would go stale in caches that keep the page for a year.
/// </summary>
[OutputCache(PolicyName = PortalCaching.Versioned)]
internal sealed class StatisticsReleaseModel(PortalQueries queries) : PageModel
{
    public ReleasePageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string release, CancellationToken cancellationToken)
    {
        if (!Pagination.TryReadPage(Request.Query, out var page) || await queries.ReleasePageAsync(release, page, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Release, $"release-p{page}", versioned: true) ? new EmptyResult() : Page();
    }
}
