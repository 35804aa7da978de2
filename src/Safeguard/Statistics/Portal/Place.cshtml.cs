using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Latest)]
public sealed class StatisticsPlaceModel(PortalQueries queries) : PageModel
{
    public PlaceView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string place, CancellationToken cancellationToken)
    {
        var view = await queries.PlaceAsync(place, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Release, $"place-{place}", versioned: false) ? new EmptyResult() : Page();
    }
}
