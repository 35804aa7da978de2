using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Portal;

/// <summary>
/// How the figures of two published releases differ, from the first to the second. Both are immutable, so the page
/// is too. Without the second release in the path, <c>?with=</c> (the release page's form, which works without
/// script) is redirected to the canonical address, earlier release first.
/// </summary>
[OutputCache(PolicyName = PortalCaching.Versioned)]
internal sealed partial class StatisticsCompareModel(PortalQueries queries) : PageModel
{
    /// <summary>Changes per page of the table.</summary>
    public const int PageSize = 500;

    public CompareView View { get; private set; } = null!;

    public Pagination Pages { get; private set; } = null!;

    public IReadOnlyList<FigureChange> PageChanges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string release, string? other, CancellationToken cancellationToken)
    {
        if (other is null)
        {
            return await RedirectToCanonicalAsync(release, cancellationToken);
        }
        if (!Pagination.TryReadPage(Request.Query, out var page) || await queries.CompareAsync(release, other, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        var pages = new Pagination(page, PageSize, view.Comparison.Changes.Count, $"/statistics/releases/{release}/compare/{other}", "Pages of changes", "changes");
        if (!pages.Exists)
        {
            return NotFound();
        }
        View = view;
        Pages = pages;
        PageChanges = [.. view.Comparison.Changes.Skip(pages.Skip).Take(PageSize)];
        var etagView = $"compare-{view.After.ContentHash?[..16]}-{page}";
        return PortalCaching.NotModified(HttpContext, view.Before, etagView, versioned: true) ? new EmptyResult() : Page();
    }

    private async Task<IActionResult> RedirectToCanonicalAsync(string release, CancellationToken cancellationToken)
    {
        if (Request.Query["with"] is not [{ } with] || !Slug().IsMatch(with))
        {
            return NotFound();
        }
        var releases = await queries.ReleasesAsync(cancellationToken);
        var (a, b) = (releases.FirstOrDefault(r => r.Slug == release), releases.FirstOrDefault(r => r.Slug == with));
        if (a is null || b is null)
        {
            return NotFound();
        }
        // The list is newest first: the one further down was published earlier and is the "before".
        var (before, after) = releases.IndexOf(a) >= releases.IndexOf(b) ? (a, b) : (b, a);
        return Redirect($"/statistics/releases/{before.Slug}/compare/{after.Slug}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9-]+$")]
    private static partial System.Text.RegularExpressions.Regex Slug();
}
