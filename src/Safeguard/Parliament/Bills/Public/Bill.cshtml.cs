using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Bills.Public;

/// <summary>One bill for anyone: its stages, the amendments the charity supports, and its published briefings.</summary>
internal sealed class BillModel(BillBook book) : PageModel
{
    public BillView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.ReadAsync(slug, forPublic: true, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
