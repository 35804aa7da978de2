using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>The bills the charity follows, for the secretariat.</summary>
internal sealed class StaffBillsModel(BillBook book) : PageModel
{
    public IReadOnlyList<Bill> Bills { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Bills = await book.ListAsync(cancellationToken);
}
