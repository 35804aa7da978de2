using Microsoft.AspNetCore.Mvc;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.Staff;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>Adding an amendment to a bill, before or after it is debated.</summary>
internal sealed class NewAmendmentModel(BillBook book) : AmendmentFormModel(book)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (Read() is not { } input)
        {
            return Page();
        }
        try
        {
            return await Book.AddAmendmentAsync(View.Bill.Id, input, cancellationToken) is not null
                ? LocalRedirect($"{ParliamentStaffPaths.Bill(slug)}#amendments")
                : NotFound();
        }
        catch (UnknownParliamentariansException unknown)
        {
            Refuse(unknown);
            return Page();
        }
    }
}
