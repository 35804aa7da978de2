using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Staff;

/// <summary>Attaching a document of the answer, as the authority sent it: stored in the database with its SHA-256.</summary>
internal sealed class AttachDocumentModel(FoiRequestBook book, FoiSettings settings) : PageModel
{
    /// <summary>The form field (and error key) of the file.</summary>
    public const string FileField = "File";

    [BindProperty(Name = FileField)]
    public IFormFile? UploadedFile { get; set; }

    /// <summary>Set when the request was refused for its size before it was read.</summary>
    [BindProperty(SupportsGet = true)]
    public bool TooLarge { get; set; }

    public FoiRequest Current { get; private set; } = null!;

    public string MaxFileSize => Platform.Web.Forms.UploadedFile.Size(settings.MaxDocumentBytes);

    public async Task<IActionResult> OnGetAsync(int request, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(request, cancellationToken) is not { } found)
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

    public async Task<IActionResult> OnPostAsync(int request, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(request, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Current = found;
        if (UploadedFile is null)
        {
            ModelState.AddModelError(FileField, "Choose the file of the answer to attach");
            return Page();
        }
        if (UploadedFile.Length == 0)
        {
            ModelState.AddModelError(FileField, $"{Path.GetFileName(UploadedFile.FileName)} is empty: choose the file the authority sent");
            return Page();
        }
        if (UploadedFile.Length > settings.MaxDocumentBytes)
        {
            ModelState.AddModelError(FileField, TooLargeMessage);
            return Page();
        }
        using var buffer = new MemoryStream((int)UploadedFile.Length);
        await UploadedFile.CopyToAsync(buffer, cancellationToken);
        await book.AttachAsync(found, UploadedFile.FileName, buffer.ToArray(), User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return LocalRedirect($"{FoiStaffPaths.Request(request)}?done=document");
    }

    private string TooLargeMessage =>
        $"The file must be smaller than {MaxFileSize}; ask an administrator to raise Safeguard:Foi:MaxDocumentBytes if the authority sent a larger one";
}
