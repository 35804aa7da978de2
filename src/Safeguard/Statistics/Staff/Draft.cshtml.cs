using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Staff;

/// <summary>
/// A draft release: how it differs from the latest published release (a page of changes at a time), and publishing
/// it, in two steps: the changelog note, then a confirmation that says it cannot be undone.
/// </summary>
internal sealed class DraftModel(DraftReleases drafts, ReleasePublisher publisher) : PageModel
{
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public string? Release { get; set; }

    [BindProperty]
    public string? Changelog { get; set; }

    /// <summary>The content hash of the figures shown on the confirmation, so that a draft changed since is not published unseen.</summary>
    [BindProperty]
    public string? Reviewed { get; set; }

    public DraftComparison View { get; private set; } = null!;

    public Pagination Pages { get; private set; } = null!;

    public IReadOnlyList<FigureChange> PageChanges { get; private set; } = [];

    /// <summary>Whether the page asks to confirm the publication.</summary>
    public bool Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Release))
        {
            return LocalRedirect(StatisticsStaffPaths.Releases);
        }
        return await ShowAsync(cancellationToken) ?? Page();
    }

    /// <summary>The first step: the note is checked and the confirmation asked.</summary>
    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (await ShowAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }
        if (View.Stale is not null)
        {
            // Sent from a page opened before a release published since left the draft behind: the page says so.
            return Page();
        }
        if (Changelog is { Length: > 4000 })
        {
            ModelState.AddModelError(nameof(Changelog), "The changelog note must be 4,000 characters or fewer");
            return Page();
        }
        Confirming = true;
        return Page();
    }

    /// <summary>The second step: publishing, or the publisher's refusal as an error.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (await ShowAsync(cancellationToken) is { } notFound)
        {
            return notFound;
        }
        if (View.Stale is not null)
        {
            return Page();
        }
        try
        {
            var published = await publisher.PublishAsync(View.Draft.Slug, string.IsNullOrWhiteSpace(Changelog) ? null : Changelog, Reviewed ?? "", cancellationToken);
            return LocalRedirect($"{StatisticsStaffPaths.Releases}?published={Uri.EscapeDataString(published.Slug)}");
        }
        catch (ReleasePublicationException refused)
        {
            ModelState.AddModelError(nameof(Changelog), refused.Message);
            return Page();
        }
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken cancellationToken)
    {
        if (!Pagination.TryReadPage(Request.Query, out var page) || Release is null)
        {
            return NotFound();
        }
        if (await drafts.CompareAsync(Release, cancellationToken) is not { } view)
        {
            // Published since the page was opened (by a colleague, or in another tab): the releases page says so.
            return await drafts.IsPublishedAsync(Release, cancellationToken)
                ? LocalRedirect($"{StatisticsStaffPaths.Releases}?already-published={Uri.EscapeDataString(Release)}")
                : NotFound();
        }
        View = view;
        Pages = new Pagination(page, PageSize, view.Comparison.Changes.Count, StatisticsStaffPaths.DraftOf(view.Draft.Slug), "Pages of changes", "changes");
        if (!Pages.Exists)
        {
            return NotFound();
        }
        PageChanges = [.. view.Comparison.Changes.Skip(Pages.Skip).Take(PageSize)];
        return null;
    }
}
