using Microsoft.AspNetCore.Mvc;
using Safeguard.Parliament.Staff;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>Starting to follow a bill: its stages and amendments are added on its page.</summary>
internal sealed class NewBillModel(BillBook book) : BillFormModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ReadTitle() is not { } title)
        {
            return Page();
        }
        var bill = await book.AddAsync(title, FormText.Read(ParliamentUrl), cancellationToken);
        return LocalRedirect(ParliamentStaffPaths.Bill(bill.Slug));
    }
}
