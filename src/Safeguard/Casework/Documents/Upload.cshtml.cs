using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Platform;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Documents;

/// <summary>
/// Uploads a document to a case (a medico-legal report, a letter), or a new version of one: stored encrypted, with
/// its size and SHA-256, and the day it was served on the Home Office when it was.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class UploadModel(CaseAccess access, CaseBook book, CaseworkDbContext db, CaseworkSettings settings, TimeProvider time) : CasePageModel(access, time)
{
    /// <summary>The document a new version is for; none for a new document.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Document { get; set; }

    /// <summary>The assessment a medico-legal report reports on.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Assessment { get; set; }

    [BindProperty(Name = "File")]
    public IFormFile? UploadedFile { get; set; }

    /// <summary>Asked of a new document only: a new version keeps its document's kind.</summary>
    [BindProperty]
    [Choice<DocumentKind>("Choose what the document is")]
    public string? Kind { get; set; }

    [BindProperty]
    [PastDate("the day it was served")]
    public string? ServedOn { get; set; }

    public IReadOnlyList<Choice> Assessments { get; private set; } = [];

    public string MaxSize => $"{settings.MaxDocumentBytes / (1024.0 * 1024):0.#} MB";

    /// <summary>Set when the upload was sent back before it was read, for being larger than the form accepts (<c>UseUploadSizeLimit</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool TooLarge { get; set; }

    /// <summary>A report for an assessment the case does not hold (deleted since the form was shown, say) is refused before anything sent is read.</summary>
    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) =>
        Assessment is { } id && !await book.HoldsAssessmentAsync(Opened, id, cancellationToken) ? RecordOnCase.Assessment : null;

    protected override string NothingDone => "The file was not uploaded.";

    private string TooLargeMessage => $"The file must be smaller than {MaxSize}; ask an administrator to raise Safeguard:Casework:MaxDocumentBytes if it cannot be made smaller";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync("document upload form", cancellationToken) || !await LoadAsync(cancellationToken))
        {
            return Refused();
        }
        Kind ??= Assessment is null ? null : nameof(DocumentKind.MedicoLegalReport);
        if (TooLarge)
        {
            ModelState.AddModelError("File", TooLargeMessage);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken) || !await LoadAsync(cancellationToken))
        {
            return Refused();
        }
        if (UploadedFile is null || UploadedFile.Length == 0)
        {
            ModelState.AddModelError("File", "Choose the file to upload");
        }
        else if (UploadedFile.Length > settings.MaxDocumentBytes)
        {
            ModelState.AddModelError("File", TooLargeMessage);
        }
        else if (StoredFileName.From(UploadedFile.FileName) is not { Length: > 0 and <= 255 })
        {
            ModelState.AddModelError("File", "The file's name must be 255 characters or fewer; rename it and choose it again");
        }
        // Only a new document is asked its kind; a new version passes Other (the kind belongs to the document).
        var kind = FormChoices.Read<DocumentKind>(ModelState.Asked(nameof(Kind), Document is null, Kind)) ?? DocumentKind.Other;
        if (!ModelState.IsValid || UploadedFile is not { } file)
        {
            return Page();
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var stored = await book.UploadAsync(Opened, new DocumentUpload(
            Document, kind, kind == DocumentKind.MedicoLegalReport ? Assessment : null, FormDates.Parse(ServedOn),
            StoredFileName.From(file.FileName), StoredContentType(file.ContentType), buffer.ToArray()), cancellationToken);
        return stored is null ? await DeletedMeanwhileAsync(cancellationToken) : LocalRedirect($"{CaseworkPaths.Case(CaseNumber)}/documents/{stored.Value.Document}?uploaded={stored.Value.Version}");
    }

    /// <summary>The case's assessments to choose from; false when a new version names a document the case does not have.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Assessments = [.. (await db.Assessments.AsNoTracking().Where(a => a.ClientId == Opened.ClientId).OrderBy(a => a.AssessedOn)
                .Select(a => new { a.Id, a.AssessedOn, a.ClinicianName }).ToListAsync(cancellationToken))
            .Select(a => new Choice(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{FormDates.Show(a.AssessedOn)}, {a.ClinicianName}"))];
        return Document is not { } id || await db.Documents.AnyAsync(d => d.Id == id && d.ClientId == Opened.ClientId, cancellationToken);
    }

    /// <summary>Only kinds of file the download can hand back safely keep their type; anything else is plain bytes.</summary>
    private static string StoredContentType(string? declared) => declared switch
    {
        "application/pdf" or "image/jpeg" or "image/png" or "application/msword" or "text/plain"
            or "application/vnd.openxmlformats-officedocument.wordprocessingml.document" or "application/vnd.oasis.opendocument.text" => declared,
        _ => "application/octet-stream",
    };
}
