using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Staff;

/// <summary>The draft releases, each with its figures and its changes from the latest published release.</summary>
internal sealed class ReleasesModel(DraftReleases drafts, StatisticsReader reader) : PageModel
{
    public IReadOnlyList<DraftComparison> Drafts { get; private set; } = [];

    /// <summary>The release just published, for the banner.</summary>
    public string? JustPublished => SlugFromQuery("published");

    /// <summary>A draft someone went to publish that was published already, by a colleague or in another tab.</summary>
    public string? AlreadyPublished => SlugFromQuery("already-published");

    /// <summary>Only a slug-shaped value is shown.</summary>
    private string? SlugFromQuery(string key) =>
        Request.Query[key] is [{ } slug] && slug.Length <= 80 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? slug : null;

    public Model.Release? Published { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Published = await reader.LatestReleaseAsync(cancellationToken);
        var list = new List<DraftComparison>();
        foreach (var draft in await drafts.ListAsync(cancellationToken))
        {
            if (await drafts.CompareAsync(draft.Slug, cancellationToken) is { } compared)
            {
                list.Add(compared);
            }
        }
        Drafts = list;
    }
}
