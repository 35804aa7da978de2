using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Requests;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Foi.Staff;

/// <summary>
/// One request: where it stands and why, its deadlines, every date and answer recorded, its documents (to download, or
/// to hand to the statistics import with the request as their source), and the pages that record each stage.
/// </summary>
internal sealed class FoiRequestModel(FoiRequestBook book, StaffDirectory staff, SourceCitations citations, ImportGateway imports) : PageModel
{
    /// <summary>What the banner says once a stage page has saved, by the key it returns with.</summary>
    private static readonly Dictionary<string, string> Banners = new(StringComparer.Ordinal)
    {
        ["added"] = "request added",
        ["details"] = "details changed",
        ["answer"] = "answer recorded",
        ["extension"] = "extension recorded",
        ["review"] = "internal review recorded",
        ["appeals"] = "complaint and appeal recorded",
        ["close"] = "request closed",
        ["document"] = "answer document attached",
    };

    /// <summary>The words of a stage's banner and audit entry.</summary>
    public static string Banner(string key) => Banners[key];

    public FoiRequest Current { get; private set; } = null!;

    public FoiRequestStatus Status { get; private set; } = null!;

    public IReadOnlyList<FoiPendingDeadline> Deadlines { get; private set; } = [];

    public IReadOnlyList<FoiDocumentSummary> Documents { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<ReleaseCitation>> Imported { get; private set; } = new Dictionary<string, IReadOnlyList<ReleaseCitation>>();

    public string? OwnerName { get; private set; }

    /// <summary>The banner after a stage page saved, when the key is one of ours.</summary>
    public string? Saved => Request.Query["done"] is [{ } key] && Banners.TryGetValue(key, out var words) ? char.ToUpperInvariant(words[0]) + words[1..] : null;

    /// <summary>Set when a document could not be handed to the import; the reason.</summary>
    public string? ImportRefusal { get; private set; }

    /// <summary>Whether the person may use the import pages too (the statistics policy's roles).</summary>
    public bool CanImport => StaffRoles.Statistics.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(int request, CancellationToken cancellationToken) =>
        await LoadAsync(request, cancellationToken) ? Page() : NotFound();

    /// <summary>"Import this answer": the document goes to the statistics import flow, with the request as its source.</summary>
    public async Task<IActionResult> OnPostImportAsync(int request, int document, CancellationToken cancellationToken)
    {
        if (!CanImport || !await LoadAsync(request, cancellationToken) || await book.DocumentAsync(request, document, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        // Only a file the importer can read goes on; the import pages then offer the templates that fit it.
        if (await imports.RefusalAsync(file.FileName, file.Content, cancellationToken) is { } refusal)
        {
            ImportRefusal = $"{file.FileName} cannot be imported as figures: {refusal}";
            ModelState.AddModelError($"import-{file.Id}", ImportRefusal);
            return Page();
        }
        var address = await imports.HandOverAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, file.FileName, file.Content, FoiImportSource.Of(Current), cancellationToken);
        return LocalRedirect(address);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }
        Current = found;
        Status = await book.StatusAsync(found, cancellationToken);
        Deadlines = await book.DeadlinesAsync(found, cancellationToken);
        Documents = await book.DocumentsAsync(id, cancellationToken);
        Imported = await citations.ReleasesCitingAsync([.. Documents.Select(d => d.Sha256)], cancellationToken);
        OwnerName = found.OwnerId is { } owner ? (await staff.FindAsync(owner, StaffRoles.Foi))?.DisplayName ?? "a former member of the FOI team" : null;
        return true;
    }
}

/// <summary>How an FOI answer is described as the source of the figures imported from it.</summary>
internal static class FoiImportSource
{
    public static SourceDetails Of(FoiRequest request) => new(
        Title: Trim($"Answer to FOI request {request.Reference}: {request.Subject}", 500),
        Authority: request.Authority,
        Reference: request.AuthorityReference is { } theirs ? Trim($"{theirs} ({request.Reference})", 200) : request.Reference,
        DateReceived: request.AnsweredOn);

    private static string Trim(string text, int most) => text.Length <= most ? text : text[..(most - 1)] + "…";
}
