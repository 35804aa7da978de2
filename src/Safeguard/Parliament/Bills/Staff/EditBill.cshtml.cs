using Microsoft.AspNetCore.Mvc;
using Safeguard.Parliament.Staff;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>Changing a bill's title or its address on Parliament's site; its own address stays.</summary>
internal sealed class EditBillModel(BillBook book) : BillFormModel
{
    public Bill Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.ReadAsync(slug, forPublic: false, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        Current = view.Bill;
        Title = Current.Title;
        ParliamentUrl = Current.ParliamentUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.ReadAsync(slug, forPublic: false, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        Current = view.Bill;
        if (ReadTitle() is not { } title)
        {
            return Page();
        }
        return await book.ChangeAsync(Current.Id, title, FormText.Read(ParliamentUrl), cancellationToken)
            ? LocalRedirect(ParliamentStaffPaths.Bill(slug))
            : NotFound();
    }
}
