using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Statistics.Staff;

/// <summary>
/// An import running in the background: its stage and counts, with a link to check again, then its result or its
/// errors. The page does not refresh itself: a timed <c>meta refresh</c> fails WCAG 2.2.1 (technique F41), and
/// reloading under a screen reader starts it again from the top. A cancel stops the import with nothing written.
/// </summary>
internal sealed class ImportProgressModel(ImportJobs jobs, ImportUploads uploads) : PageModel
{
    public string UploadId { get; private set; } = "";

    public ImportJobSnapshot Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string upload, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(upload, Owner, cancellationToken) is not { } job)
        {
            // No import of it is known (on SQLite, none has run since the server started): the upload's own page, if it is still there.
            return await uploads.FindAsync(upload, Owner, cancellationToken) is null
                ? NotFound()
                : LocalRedirect(StatisticsStaffPaths.Import(upload));
        }
        UploadId = upload;
        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string upload, CancellationToken cancellationToken) =>
        await jobs.CancelAsync(upload, Owner, cancellationToken) ? LocalRedirect(StatisticsStaffPaths.Progress(upload)) : NotFound();

    private string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
