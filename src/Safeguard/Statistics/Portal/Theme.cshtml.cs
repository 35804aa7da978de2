using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Safeguard.Platform.Web;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Latest)]
internal sealed class StatisticsThemeModel(PortalQueries queries) : PageModel
{
    public ThemePageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string theme, CancellationToken cancellationToken)
    {
        if (!Pagination.TryReadPage(Request.Query, out var page) || await queries.ThemePageAsync(theme, page, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Release, $"theme-{theme}-p{page}", versioned: false) ? new EmptyResult() : Page();
    }
}
