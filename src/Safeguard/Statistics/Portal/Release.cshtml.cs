using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Versioned)]
public sealed class StatisticsReleaseModel(PortalQueries queries) : PageModel
{
    public ReleaseView View { get; private set; } = null!;

    /// <summary>
    /// Releases published before this one, newest first, to compare it with. Only earlier ones: this page is
    /// immutable, and a list that grew with later publications would not be.
    /// </summary>
    public IReadOnlyList<Model.Release> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string release, CancellationToken cancellationToken)
    {
        var view = await queries.ReleaseAsync(release, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        var releases = await queries.ReleasesAsync(cancellationToken);
        Earlier = [.. releases.Skip(releases.FindIndex(r => r.Id == view.Release.Id) + 1)];
        return PortalCaching.NotModified(HttpContext, view.Release, "release", versioned: true) ? new EmptyResult() : Page();
    }
}
