using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>A public-interest extension (s.10(3)): the authority's new date, flagged when beyond the Commissioner's guidance.</summary>
internal sealed class ExtensionModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the new date the authority gave, for example " + FormDates.Example)]
    [Date("the authority's new date")]
    public string? ExtendedTo { get; set; }

    /// <summary>The statutory deadline and the most the guidance allows, for the hint.</summary>
    public (DateOnly Deadline, DateOnly MostExtended)? Limit { get; private set; }

    protected override IReadOnlyList<string> Fields { get; } = [nameof(ExtendedTo)];

    protected override string Done => "extension";

    protected override async Task ShowingAsync(CancellationToken cancellationToken) =>
        Limit = await Book.ExtensionLimitAsync(Current, cancellationToken);

    protected override void Fill(FoiRequest request) => ExtendedTo = FormDates.Value(request.ExtendedTo);

    protected override Action<FoiRequest> Read()
    {
        var extended = FormDates.Parse(ExtendedTo);
        return request => request.ExtendedTo = extended;
    }
}
