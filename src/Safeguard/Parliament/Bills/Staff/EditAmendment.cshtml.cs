using Microsoft.AspNetCore.Mvc;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.Staff;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>Changing an amendment: recording the day it was debated and its outcome, or whether we support it.</summary>
internal sealed class EditAmendmentModel(BillBook book) : AmendmentFormModel(book)
{
    public Amendment Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int amendment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, amendment, cancellationToken))
        {
            return NotFound();
        }
        Fill(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int amendment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, amendment, cancellationToken))
        {
            return NotFound();
        }
        if (Read() is not { } input)
        {
            return Page();
        }
        try
        {
            return await Book.ChangeAmendmentAsync(View.Bill.Id, amendment, input, cancellationToken)
                ? LocalRedirect($"{ParliamentStaffPaths.Bill(slug)}#amendments")
                : NotFound();
        }
        catch (UnknownParliamentariansException unknown)
        {
            Refuse(unknown);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string slug, int amendment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken) || await Book.FindAmendmentAsync(View.Bill.Id, amendment, cancellationToken) is not { } found)
        {
            return false;
        }
        Current = found;
        return true;
    }
}
