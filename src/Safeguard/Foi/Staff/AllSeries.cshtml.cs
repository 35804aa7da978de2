using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>The series of requests, and starting a new one.</summary>
internal sealed class AllSeriesModel(FoiRequestBook book) : FoiFormModel
{
    public static IReadOnlyList<Choice> Intervals { get; } =
    [
        new("3", "Every quarter"),
        new("6", "Every half-year"),
        new("12", "Every year"),
    ];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IntervalMonths { get; set; } = "6";

    public IReadOnlyList<FoiSeries> Series { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Series = await book.AllSeriesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter the name of the series, for example Rule 35 reports, half-yearly");
        }
        CheckLength(nameof(Name), Name?.Trim(), 200, "The name");
        if (Intervals.All(i => i.Value != IntervalMonths))
        {
            ModelState.AddModelError(nameof(IntervalMonths), "Choose how often the request is made");
        }
        if (ModelState.IsValid)
        {
            try
            {
                var series = await book.AddSeriesAsync(Name!, int.Parse(IntervalMonths!, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                return LocalRedirect(FoiStaffPaths.Series(series.Id));
            }
            catch (FoiRequestException refused)
            {
                ModelState.AddRefusal(refused.Problems, [nameof(Name)], nameof(Name));
            }
        }
        Series = await book.AllSeriesAsync(cancellationToken);
        return Page();
    }
}
