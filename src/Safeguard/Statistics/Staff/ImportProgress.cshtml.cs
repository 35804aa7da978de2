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
        if (Find(upload) is not { } job)
        {
            // No import of it has run since the server started: the upload's own page, if it is still there.
            return await uploads.FindAsync(upload, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken) is null
                ? NotFound()
                : LocalRedirect(StatisticsStaffPaths.Import(upload));
        }
        UploadId = upload;
        Job = job.Snapshot;
        return Page();
    }

    public IActionResult OnPostCancel(string upload)
    {
        if (Find(upload) is not { } job)
        {
            return NotFound();
        }
        job.Cancellation.Cancel();
        return LocalRedirect(StatisticsStaffPaths.Progress(upload));
    }

    private ImportJob? Find(string upload) => jobs.Find(upload, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
