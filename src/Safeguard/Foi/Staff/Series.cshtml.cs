using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Requests;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Foi.Staff;

/// <summary>One period of a series: its request, where it stands, and the releases its answer's figures went into.</summary>
internal sealed record SeriesPeriod(FoiRequest Request, FoiRequestStatus Status, IReadOnlyList<FoiDocumentSummary> Documents, IReadOnlyList<ReleaseCitation> Imported);

/// <summary>A series: each period's request, its answer, and whether its figures are imported; and drafting the next request.</summary>
internal sealed class SeriesModel(FoiRequestBook book, SourceCitations citations) : PageModel
{
    public FoiSeries Series { get; private set; } = null!;

    public IReadOnlyList<SeriesPeriod> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int series, CancellationToken cancellationToken)
    {
        if (await book.SeriesAsync(series, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Series = found;
        var periods = new List<SeriesPeriod>();
        foreach (var request in found.Requests)
        {
            var documents = await book.DocumentsAsync(request.Id, cancellationToken);
            var imported = await citations.ReleasesCitingAsync([.. documents.Select(d => d.Sha256)], cancellationToken);
            periods.Add(new(request, await book.StatusAsync(request, cancellationToken), documents,
                [.. imported.Values.SelectMany(r => r).DistinctBy(r => r.Slug)]));
        }
        Periods = periods;
        return Page();
    }
}
