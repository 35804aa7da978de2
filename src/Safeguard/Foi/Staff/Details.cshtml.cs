using Microsoft.AspNetCore.Mvc;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Staff;

/// <summary>A request's details: references, authority, subject, text, channel, dates sent, received and acknowledged, series, period, owner.</summary>
internal sealed class DetailsModel(FoiRequestBook book, StaffDirectory staff) : RequestFormModel(book, staff)
{
    public FoiRequest Current { get; private set; } = null!;

    protected override FoiRequest? Saved => Current;

    public async Task<IActionResult> OnGetAsync(int request, CancellationToken cancellationToken)
    {
        if (await Book.FindAsync(request, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        await LoadChoicesAsync(cancellationToken);
        Fill(found);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int request, CancellationToken cancellationToken)
    {
        if (await Book.FindAsync(request, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        await LoadChoicesAsync(cancellationToken);
        if (!TryApply(new FoiRequest { Reference = "", Authority = "", Subject = "", Text = "" }))
        {
            return Page();
        }
        try
        {
            await Book.ChangeAsync(request, r => TryApply(r), FoiRequestModel.Banner("details"), cancellationToken);
        }
        catch (FoiRequestException refused)
        {
            Refused(refused);
            return Page();
        }
        return LocalRedirect($"{FoiStaffPaths.Request(request)}?done=details");
    }
}
