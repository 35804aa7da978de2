using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Staff;

/// <summary>
/// A new request, owned by whoever adds it unless they choose someone else; with <c>?series=</c>, the next request of
/// a series, drafted from its last one with the period moved on, to check before saving.
/// </summary>
internal sealed class NewRequestModel(FoiRequestBook book, StaffDirectory staff) : RequestFormModel(book, staff)
{
    /// <summary>The series whose next request the form was drafted for, when it was.</summary>
    public FoiSeries? DraftedFor { get; private set; }

    /// <summary>The request the draft was made from.</summary>
    public FoiRequest? DraftedFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? series, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        OwnerId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (series is not { } id)
        {
            return Page();
        }
        if (await Book.SeriesAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        DraftedFor = found;
        SeriesId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (found.Requests.LastOrDefault() is { } last)
        {
            DraftedFrom = last;
            var reference = FoiSeriesDraft.NextReference(last.Reference, await Book.ReferencesStartingAsync(last.Reference.TrimEnd("0123456789".ToCharArray()), cancellationToken));
            var next = FoiSeriesDraft.Next(last, found.IntervalMonths, reference);
            Fill(next);
            OwnerId = User.FindFirstValue(ClaimTypes.NameIdentifier);
            SentOn = ReceivedOn = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var request = new FoiRequest { Reference = "", Authority = "", Subject = "", Text = "" };
        if (!TryApply(request))
        {
            return Page();
        }
        try
        {
            await Book.AddAsync(request, cancellationToken);
        }
        catch (FoiRequestException refused)
        {
            Refused(refused);
            return Page();
        }
        return LocalRedirect($"{FoiStaffPaths.Request(request.Id)}?done=added");
    }
}
