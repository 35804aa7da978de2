using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Appg;

internal sealed class ParliamentAppgModel(AppgRoster roster) : PageModel
{
    public AppgRosterView View { get; private set; } = new(null, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await roster.ReadAsync(cancellationToken);
}
