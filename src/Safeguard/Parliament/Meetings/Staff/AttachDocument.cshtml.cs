using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Parliament.Staff;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>The document form's values: the meeting it attaches to, the title typed, the largest file taken.</summary>
internal sealed record DocumentForm(int Meeting, string? Title, string MaxSize);

/// <summary>
/// Attaching a PDF to a meeting, from the form on the meeting's page (or this page's own, which shows what to fix):
/// stored in the database with its SHA-256, audited in the same transaction.
/// </summary>
internal sealed class AttachDocumentModel(MeetingBook book, ParliamentSettings settings) : PageModel
{
    /// <summary>The form field (and error key) of the file.</summary>
    public const string FileField = "File";

    public AppgMeeting Current { get; private set; } = null!;

    [BindProperty]
    [Required(ErrorMessage = "Enter the document's title, for example Agenda")]
    [TextLength(200, "The title")]
    public string? Title { get; set; }

    [BindProperty(Name = FileField)]
    public IFormFile? Pdf { get; set; }

    /// <summary>Set when the request was refused for its size before it was read (<c>UseUploadSizeLimit</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool TooLarge { get; set; }

    public string MaxSize => UploadedFile.Size(settings.MaxDocumentBytes);

    private string TooLargeMessage => $"The PDF must be smaller than {MaxSize}; make it smaller (fewer pages or images), or ask an administrator to raise Safeguard:Parliament:MaxDocumentBytes";

    public async Task<IActionResult> OnGetAsync(int meeting, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(meeting, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        if (TooLarge)
        {
            ModelState.AddModelError(FileField, TooLargeMessage);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int meeting, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(meeting, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        var file = await ModelState.ReadPdfAsync(FileField, Pdf, settings.MaxDocumentBytes, TooLargeMessage, cancellationToken);
        if (!ModelState.IsValid || FormText.Read(Title) is not { } title || file is null)
        {
            return Page();
        }
        return await book.AttachAsync(meeting, title, file, cancellationToken)
            ? LocalRedirect($"{ParliamentStaffPaths.Meeting(meeting)}#documents")
            : NotFound();
    }
}
