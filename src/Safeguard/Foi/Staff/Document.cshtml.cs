using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;

namespace Safeguard.Foi.Staff;

/// <summary>An answer document's bytes, as stored, for download.</summary>
internal sealed class DocumentModel(Requests.FoiRequestBook book) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public async Task<IActionResult> OnGetAsync(int request, int document, CancellationToken cancellationToken)
    {
        if (await book.DocumentAsync(request, document, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        var type = Types.TryGetContentType(file.FileName, out var known) ? known : "application/octet-stream";
        // Always an attachment: the browser saves the file rather than running it in our origin.
        return File(file.Content, type, file.FileName);
    }
}
