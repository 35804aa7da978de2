using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// A source document's page. Cached as a view of the latest release: the document never changes, but the list of
/// releases that cite it grows when one is published.
/// </summary>
[OutputCache(PolicyName = PortalCaching.Latest)]
internal sealed class StatisticsSourceModel(PortalQueries queries) : PageModel
{
    public SourceView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? sha256, CancellationToken cancellationToken)
    {
        var view = await queries.SourceAsync(sha256, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return PortalCaching.NotModified(HttpContext, view.Latest, $"source-{view.Document.Sha256[..16]}", versioned: false) ? new EmptyResult() : Page();
    }
}
