using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>
/// A page that records one stage of a request (its answer, an extension, a review, appeals, closing): the request is
/// loaded from the route (404 when there is none), the form filled from it, and the change saved through the book,
/// whose refusal is shown by the field at fault. Form fields are named as the request's properties.
/// </summary>
internal abstract class FoiStageModel(FoiRequestBook book) : PageModel
{
    /// <summary>The request the page is about.</summary>
    public FoiRequest Current { get; private set; } = null!;

    protected FoiRequestBook Book => book;

    /// <summary>The form's fields, the first one taking any refusal that names no field of this form.</summary>
    protected abstract IReadOnlyList<string> Fields { get; }

    /// <summary>The key of the banner the request page shows once saved, and the audit entry's words.</summary>
    protected abstract string Done { get; }

    /// <summary>Fills the form from the request.</summary>
    protected abstract void Fill(FoiRequest request);

    /// <summary>Reads the form (adding errors for what cannot be read) into the change to make.</summary>
    protected abstract Action<FoiRequest> Read();

    /// <summary>The request's fields the form could not read: those with an error (a page whose field fills another says so).</summary>
    protected virtual IReadOnlyCollection<string> Unread() => [.. Fields.Where(field => ModelState.ErrorFor(field) is not null)];

    /// <summary>Loads what the page shows besides the form, each time it is shown.</summary>
    protected virtual Task ShowingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(int request, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(request, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        Fill(found);
        await ShowingAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int request, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(request, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        var change = Read();
        if (!ModelState.IsValid)
        {
            // The book's rules too, but those reading a field the form could not read, so that one round trip says it all.
            ModelState.AddRefusal(book.ProblemsOf(found, change, Unread()), Fields, Fields[0]);
            await ShowingAsync(cancellationToken);
            return Page();
        }
        try
        {
            await book.ChangeAsync(request, change, FoiRequestModel.Banner(Done), cancellationToken);
        }
        catch (FoiRequestException refused)
        {
            ModelState.AddRefusal(refused.Problems, Fields, Fields[0]);
            await ShowingAsync(cancellationToken);
            return Page();
        }
        return LocalRedirect($"{FoiStaffPaths.Request(request)}?done={Done}");
    }
}

/// <summary>How the FOI forms show the book's refusals.</summary>
internal static class FoiRefusals
{
    /// <summary>
    /// Adds each of the book's <paramref name="problems"/> by its field, or by <paramref name="otherwise"/> when the
    /// form has no such field among <paramref name="fields"/>, written as the pages' own messages are: a message of one
    /// sentence without its full stop (the command line prints the book's sentences whole).
    /// </summary>
    public static void AddRefusal(this ModelStateDictionary modelState, IEnumerable<FoiRequestProblem> problems, IReadOnlyList<string> fields, string otherwise)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field is { } field && fields.Contains(field) ? field : otherwise, AsFieldMessage(problem.Message));
        }
    }

    private static string AsFieldMessage(string message) =>
        message.EndsWith('.') && !message[..^1].Contains(". ", StringComparison.Ordinal) ? message[..^1] : message;
}
