using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Parliament.Meetings;

/// <summary>A meeting's document as a download, for the staff page and the public one alike.</summary>
internal static class MeetingDocumentFile
{
    /// <summary>The PDF, always as an attachment (saved, never shown inside our origin), or a 404 for none.</summary>
    public static IActionResult Of(MeetingDocument? document, PageModel page) =>
        document is null ? page.NotFound() : page.File(document.Content, "application/pdf", document.FileName);
}
