using System.ComponentModel.DataAnnotations;
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
    [TextLength(500, "The title")]
    public string? Title { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter who sent or published the file, for example Home Office")]
    [TextLength(200, "The authority")]
    public string? Authority { get; set; } = "Home Office";

    [BindProperty]
    [TextLength(200, "The reference")]
    public string? Reference { get; set; }

    /// <summary>Any day: a file may be dated ahead, as some publications are.</summary>
    [BindProperty]
    [Date("the date received")]
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
        if (!ModelState.IsValid || UploadedFile is not { } file || FormText.Read(Authority) is not { } authority)
        {
            return Page();
        }
        byte[] content;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        try
        {
            // Only a file that can be read is kept; what fits it is asked again on the next page.
            await importer.TemplatesThatFitAsync(file.FileName, content, cancellationToken);
        }
        catch (ImportRejectedException unreadable)
        {
            ModelState.AddModelError(FileField, unreadable.Issues[0].ToString());
            return Page();
        }
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var id = await uploads.AddAsync(owner, file.FileName, content, FormText.Read(Title), authority, FormText.Read(Reference), FormDates.Parse(DateReceived), cancellationToken);
        return LocalRedirect(StatisticsStaffPaths.Import(id));
    }

    public static string TooLargeMessage(long maxBytes) =>
        $"The file must be smaller than {LimitMessages.Bytes(maxBytes)}; split it, or ask an administrator to raise Safeguard:Imports:MaxFileBytes";

}
