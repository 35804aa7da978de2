using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Staff;

/// <summary>A table of requests with their states, rendered by <c>_RequestsTable.cshtml</c>.</summary>
internal sealed record RequestsTable(string Id, string Caption, IReadOnlyList<(FoiRequest Request, FoiRequestStatus Status)> Rows, string Empty);

/// <summary>The FOI dashboard: requests due in the next 10 working days, and those overdue.</summary>
internal sealed class IndexModel(FoiRequestBook book) : PageModel
{
    /// <summary>How far ahead "due soon" looks.</summary>
    public const int WorkingDaysAhead = 10;

    /// <summary>How long before the known bank holidays end the dashboard says so.</summary>
    public const int HolidaysWarningDays = 90;

    public FoiAttention Attention { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Attention = await book.AttentionAsync(WorkingDaysAhead, HolidaysWarningDays, cancellationToken);
}
