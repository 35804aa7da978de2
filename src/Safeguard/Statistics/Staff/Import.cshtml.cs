using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Staff;

/// <summary>
/// Step 2 and 3 of an import: choose the template (those that fit the file first, the best preselected) and the
/// draft release, then the preview (a GET: it writes nothing) with every issue located and the changes against the
/// latest published release; and, when there are no errors, the button that queues the commit.
/// </summary>
internal sealed class ImportModel(ImportUploads uploads, StatisticsImporter importer, TemplateStore templates, DraftReleases drafts, ImportJobs jobs) : PageModel
{
    /// <summary>Changes per page of the preview's table.</summary>
    public const int PageSize = 500;

    public ImportUpload Upload { get; private set; } = null!;

    public IReadOnlyList<string> Fits { get; private set; } = [];

    public IReadOnlyList<TemplateDefinition> OtherTemplates { get; private set; } = [];

    public IReadOnlyList<DraftSummary> Drafts { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Release { get; set; }

    /// <summary>The preview, once a template and release are chosen and the file could be read.</summary>
    public ImportPreview? Preview { get; private set; }

    /// <summary>The issues of an import refused before a preview could be made (no such template, unreadable file).</summary>
    public IReadOnlyList<ImportIssue> Refusal { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public IReadOnlyList<FigureChange> PageChanges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string upload, CancellationToken cancellationToken)
    {
        if (!Pagination.TryReadPage(Request.Query, out var page) || !await LoadAsync(upload, cancellationToken))
        {
            return NotFound();
        }
        if (Request.Query.ContainsKey(nameof(Template)) && Chosen() is { } chosen)
        {
            try
            {
                Preview = await importer.PreviewAsync(Describe(chosen), null, cancellationToken);
            }
            catch (ImportRejectedException rejected)
            {
                Refusal = rejected.Issues;
                return Page();
            }
            var path = $"{StatisticsStaffPaths.Import(upload)}?template={Uri.EscapeDataString(chosen.Template)}&release={Uri.EscapeDataString(chosen.Release)}";
            Pages = new Pagination(page, PageSize, Preview.Comparison.Changes.Count, path, "Pages of changes", "changes");
            if (!Pages.Exists)
            {
                return NotFound();
            }
            PageChanges = [.. Preview.Comparison.Changes.Skip(Pages.Skip).Take(PageSize)];
        }
        return Page();
    }

    /// <summary>Queues the commit and shows its progress.</summary>
    public async Task<IActionResult> OnPostCommitAsync(string upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(upload, cancellationToken))
        {
            return NotFound();
        }
        if (Chosen() is not { } chosen)
        {
            return Page();
        }
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await jobs.EnqueueAsync(new ImportJob(upload, owner, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", chosen.Template, chosen.Release), cancellationToken);
        return LocalRedirect(StatisticsStaffPaths.Progress(upload));
    }

    private async Task<bool> LoadAsync(string upload, CancellationToken cancellationToken)
    {
        var owner = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (await uploads.FindAsync(upload, owner, cancellationToken) is not { } found)
        {
            return false;
        }
        Upload = found;
        Fits = await importer.TemplatesThatFitAsync(found.FileName, found.Content, cancellationToken);
        OtherTemplates = [.. (await templates.AllAsync(cancellationToken)).Select(t => t.Template).Where(t => !Fits.Contains(t.Name))];
        Drafts = await drafts.ListAsync(cancellationToken);
        Template ??= Fits.Count > 0 ? Fits[0] : null;
        return true;
    }

    /// <summary>
    /// The template and release chosen, or null with a message by each one missing. Checked here rather than by rules
    /// on the properties: the preview binds them from the address too, and a first look at the page (no template in
    /// the address yet) asks nothing.
    /// </summary>
    private (string Template, string Release)? Chosen()
    {
        Release = Release?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(Template))
        {
            ModelState.AddModelError(nameof(Template), "Choose the template that reads this file");
        }
        if (string.IsNullOrWhiteSpace(Release))
        {
            ModelState.AddModelError(nameof(Release), "Enter the draft release to import into, for example 2025-h1");
        }
        return ModelState.IsValid && Template is { } template && Release is { } release ? (template, release) : null;
    }

    private ImportRequest Describe((string Template, string Release) chosen) => new(Upload.FileName, Upload.Content, chosen.Template, chosen.Release,
        new SourceDetails(Upload.Title, Upload.Authority, Upload.Reference, Upload.DateReceived));

    public static string Count(int value) => value.ToString("#,##0", CultureInfo.GetCultureInfo("en-GB"));
}
