using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Statistics.Staff;

/// <summary>
/// Step 1 of an import: the file and where it came from. The file is checked (readable, within the size limit),
/// kept server-side for its uploader, and the next page offers the templates that fit it.
/// </summary>
internal sealed class NewImportModel(ImportUploads uploads, StatisticsImporter importer, ImportLimits limits) : PageModel
{
    /// <summary>The form field (and error key) of the file.</summary>
    public const string FileField = "File";

    [BindProperty(Name = FileField)]
    public IFormFile? UploadedFile { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Authority { get; set; } = "Home Office";

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? DateReceived { get; set; }

    /// <summary>Set when the request was refused for its size before it was read.</summary>
    [BindProperty(SupportsGet = true)]
    public bool TooLarge { get; set; }

    public string MaxFileSize => LimitMessages.Bytes(limits.MaxFileBytes);

    public void OnGet()
    {
        if (TooLarge)
        {
            ModelState.AddModelError(FileField, TooLargeMessage(limits.MaxFileBytes));
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (UploadedFile is null || UploadedFile.Length == 0)
        {
            ModelState.AddModelError(FileField, "Choose a CSV, XLSX or ODS file to import");
        }
        else if (UploadedFile.Length > limits.MaxFileBytes)
        {
            ModelState.AddModelError(FileField, TooLargeMessage(limits.MaxFileBytes));
        }
        if (Title is { Length: > 500 })
        {
            ModelState.AddModelError(nameof(Title), "The title must be 500 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(Authority))
        {
            ModelState.AddModelError(nameof(Authority), "Enter who sent or published the file, for example Home Office");
        }
        else if (Authority.Length > 200)
        {
            ModelState.AddModelError(nameof(Authority), "The authority must be 200 characters or fewer");
        }
        if (Reference is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(Reference), "The reference must be 200 characters or fewer");
        }
        DateOnly? received = null;
        if (!string.IsNullOrWhiteSpace(DateReceived))
        {
            received = FormDates.Read(DateReceived, "the date received", out var error);
            if (error is not null)
            {
                ModelState.AddModelError(nameof(DateReceived), error);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        byte[] content;
        using (var buffer = new MemoryStream((int)UploadedFile!.Length))
        {
            await UploadedFile.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        try
        {
            // Only a file that can be read is kept; what fits it is asked again on the next page.
            await importer.TemplatesThatFitAsync(UploadedFile.FileName, content, cancellationToken);
        }
        catch (ImportRejectedException unreadable)
        {
            ModelState.AddModelError(FileField, unreadable.Issues[0].ToString());
            return Page();
        }
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var id = await uploads.AddAsync(owner, UploadedFile.FileName, content, Title?.Trim() is { Length: > 0 } title ? title : null, Authority!.Trim(),
            Reference?.Trim() is { Length: > 0 } reference ? reference : null, received, cancellationToken);
        return LocalRedirect(StatisticsStaffPaths.Import(id));
    }

    public static string TooLargeMessage(long maxBytes) =>
        $"The file must be smaller than {LimitMessages.Bytes(maxBytes)}; split it, or ask an administrator to raise Safeguard:Imports:MaxFileBytes";

}
