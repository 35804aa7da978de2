using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Documents;

/// <summary>A document of a case: its versions to download, and the day it was served on the Home Office.</summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class DocumentModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : CasePageModel(access, time)
{
    [FromRoute(Name = "document")]
    public int DocumentId { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the day it was served on the Home Office")]
    [PastDate("the day it was served")]
    public string? ServedOn { get; set; }

    /// <summary>The version just uploaded, when the upload form sent the person here, so the page confirms it.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Uploaded { get; set; }

    public DocumentView Document { get; private set; } = null!;

    /// <summary>The assessment a medico-legal report reports on, or null.</summary>
    public AssessmentView? Assessment { get; private set; }

    /// <summary>The version <see cref="Uploaded"/> names, or null.</summary>
    public VersionView? UploadedVersion => Document.Versions.FirstOrDefault(v => v.Number == Uploaded);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync($"document {DocumentId} page", cancellationToken) || !await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        ServedOn = FormDates.Value(Document.ServedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || FormDates.Parse(ServedOn) is not { } served)
        {
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        return await book.SetServedOnAsync(Opened, DocumentId, served, cancellationToken) ? BackToCase("documents") : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await reading.ReadAsync(Opened, cancellationToken);
        var document = view.Documents.FirstOrDefault(d => d.Id == DocumentId);
        Document = document!;
        Assessment = view.Assessments.FirstOrDefault(a => a.Id == document?.AssessmentId);
        return document is not null;
    }
}
