using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.SystemPages;

/// <summary>The page people see for an error status; the API and data twins get ProblemDetails instead.</summary>
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int status)
    {
        // Reached by re-execution from the error middleware, or directly: either way the status is the one named.
        Response.StatusCode = status is >= 400 and < 600 ? status : StatusCodes.Status404NotFound;
        (Heading, Explanation) = Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is no theme, place, release or page at this address. If you typed it, check it; if you followed a link, it may be out of date."),
            StatusCodes.Status400BadRequest => ("Something in the address is not right", "The address asks for something the site does not understand. Check the parts after the question mark."),
            StatusCodes.Status429TooManyRequests => ("Too many requests", "Please wait a minute and try again."),
            >= 500 => ("Sorry, something went wrong", "The site could not show this page. Nothing you did caused it; please try again later."),
            _ => ("This page cannot be shown", "The request could not be completed."),
        };
    }
}
