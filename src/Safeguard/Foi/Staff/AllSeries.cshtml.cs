using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>The series of requests, and starting a new one.</summary>
internal sealed class AllSeriesModel(FoiRequestBook book) : PageModel
{
    public static IReadOnlyList<Choice> Intervals { get; } =
    [
        new("3", "Every quarter"),
        new("6", "Every half-year"),
        new("12", "Every year"),
    ];

    [BindProperty]
    [Required(ErrorMessage = "Enter the name of the series, for example Rule 35 reports, half-yearly")]
    [TextLength(200, "The name")]
    public string? Name { get; set; }

    /// <summary>One of <see cref="Intervals"/>; half-yearly until chosen otherwise.</summary>
    [BindProperty]
    [OneOf("Choose how often the request is made", "3", "6", "12")]
    public string? IntervalMonths { get; set; } = "6";

    public IReadOnlyList<FoiSeries> Series { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Series = await book.AllSeriesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && FormText.Read(Name) is { } name
            && int.TryParse(IntervalMonths, NumberStyles.None, CultureInfo.InvariantCulture, out var months))
        {
            try
            {
                var series = await book.AddSeriesAsync(name, months, cancellationToken);
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
