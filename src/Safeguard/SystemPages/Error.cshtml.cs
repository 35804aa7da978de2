using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform;

namespace Safeguard.SystemPages;

/// <summary>
/// Where every error ends up (see <see cref="ErrorResponses"/>): an HTML page for people, ProblemDetails for
/// programs, decided by the address originally asked for.
/// </summary>
/// <remarks>
/// Re-execution keeps the request's method, so the page answers every method, and takes no antiforgery token:
/// a refused POST must still be told why.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(int status) => RespondAsync(status);

    public Task<IActionResult> OnPostAsync(int status) => RespondAsync(status);

    public Task<IActionResult> OnPutAsync(int status) => RespondAsync(status);

    public Task<IActionResult> OnPatchAsync(int status) => RespondAsync(status);

    public Task<IActionResult> OnDeleteAsync(int status) => RespondAsync(status);

    private async Task<IActionResult> RespondAsync(int status)
    {
        // Reached by re-execution from the error middleware, or directly: either way the status is the one named.
        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status404NotFound;
        (Heading, Explanation) = Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is no theme, place, release or page at this address. If you typed it, check it; if you followed a link, it may be out of date."),
            StatusCodes.Status400BadRequest => ("The request could not be understood", "Check the address, in particular the parts after the question mark. The statistics pages can be read, not sent to."),
            StatusCodes.Status405MethodNotAllowed => ("This address cannot do that", "The statistics can be read, not changed, at this address."),
            StatusCodes.Status413PayloadTooLarge => ("The file is too large", "The file is larger than this form accepts; the form says its limit. Go back, and make the file smaller or ask an administrator to raise the limit."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Please wait a minute and try again."),
            >= 500 => ("Sorry, something went wrong", "The site could not show this page. Nothing you did caused it; please try again later."),
            _ => ("This page cannot be shown", "The request could not be completed."),
        };
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // A browser opening an API address accepts HTML only, which no ProblemDetails writer gives: it gets the page.
        if (original is not null && ErrorResponses.IsForMachines(original) && await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = HttpContext,
            ProblemDetails = { Status = Response.StatusCode, Title = Heading, Detail = Explanation },
        }))
        {
            return new EmptyResult();
        }
        return Page();
    }
}
