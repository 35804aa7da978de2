using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Staff;

/// <summary>Every request with where it stands today (the most overdue first), or those in one state.</summary>
internal sealed class RequestsModel(FoiRequestBook book) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FoiState? State { get; set; }

    public IReadOnlyList<(FoiRequest Request, FoiRequestStatus Status)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = [.. (await book.TodayAsync(cancellationToken)).Where(r => State is null || r.Status.State == State)];
}
