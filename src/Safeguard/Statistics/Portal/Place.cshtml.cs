using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Safeguard.Platform.Web;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Latest)]
internal sealed class StatisticsPlaceModel(PortalQueries queries) : PageModel
{
    public PlacePageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string place, CancellationToken cancellationToken)
    {
        if (!Pagination.TryReadPage(Request.Query, out var page) || await queries.PlacePageAsync(place, page, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Release, $"place-{place}-p{page}", versioned: false) ? new EmptyResult() : Page();
    }
}
