using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Portal;

[OutputCache(PolicyName = PortalCaching.Latest)]
internal sealed class StatisticsReleasesModel(PortalQueries queries) : PageModel
{
    public IReadOnlyList<Release> Releases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Releases = await queries.ReleasesAsync(cancellationToken);
}
