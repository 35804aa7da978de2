using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.Documents;

/// <summary>
/// Downloads a version of a document, decrypted for the member of staff who may open the case, checked against its
/// SHA-256, recorded on the audit trail, and always as an attachment (never shown inside the application's pages).
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class DownloadModel(CaseAccess access, CaseBook book, TimeProvider time) : CasePageModel(access, time)
{
    [FromRoute]
    public int Document { get; set; }

    [FromRoute]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken) || await book.DownloadAsync(Opened, Document, Version, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(file.Content, file.ContentType);
    }
}
