using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Funnel;

/// <summary>/staff/parliament/funnel: every sitting MP, with letters started to them and the secretariat's asked, replied and joined.</summary>
internal sealed class FunnelIndexModel(MembershipFunnel funnel) : PageModel
{
    public IReadOnlyList<FunnelRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await funnel.ListAsync(cancellationToken);
}
