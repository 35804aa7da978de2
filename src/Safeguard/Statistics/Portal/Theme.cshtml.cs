using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Latest)]
public sealed class StatisticsThemeModel(PortalQueries queries) : PageModel
{
    public ThemeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string theme, CancellationToken cancellationToken)
    {
        var view = await queries.ThemeAsync(theme, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Release, $"theme-{theme}", versioned: false) ? new EmptyResult() : Page();
    }
}
