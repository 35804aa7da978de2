using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Bills.Public;

/// <summary>The bills the charity follows.</summary>
internal sealed class BillsModel(BillBook book) : PageModel
{
    public IReadOnlyList<Bill> Bills { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Bills = await book.ListAsync(cancellationToken);
}
