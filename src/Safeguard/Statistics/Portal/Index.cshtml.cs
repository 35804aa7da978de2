using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Latest)]
internal sealed class StatisticsIndexModel(PortalQueries queries) : PageModel
{
    public HomeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await queries.HomeAsync(cancellationToken);
        return PortalCaching.NotModified(HttpContext, View.Release, "home", versioned: false) ? new EmptyResult() : Page();
    }
}
