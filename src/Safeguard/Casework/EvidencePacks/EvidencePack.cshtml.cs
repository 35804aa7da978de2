using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;

namespace Safeguard.Casework.EvidencePacks;

/// <summary>
/// The evidence pack for a client's lawyer: the case's chronology (detention, assessments, the report served, each
/// Home Office step, the outcome), its clocks and the reports served, as a page to print and, where Chromium is
/// installed, the same page as a PDF with each report served in PDF after it (<see cref="AttachedReports"/>). Made on
/// request by staff who may open the case, recorded on the audit trail, and marked on every page of the pack with who
/// made it and when.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class EvidencePackModel(CaseAccess access, CaseReading reading, CaseBook book, StaffDirectory staff, ChromiumPrinter printer, TimeProvider time)
    : CasePageModel(access, time)
{
    public CaseView View { get; private set; } = null!;

    /// <summary>Who made the pack, as colleagues know them.</summary>
    public string MadeBy { get; private set; } = "";

    public DateTime MadeAtUtc { get; private set; }

    /// <summary>Whether a PDF can be made here (Chromium is installed).</summary>
    public bool PdfAvailable => printer.Executable is not null;

    /// <summary>The PDF's file name: the case number and the day, never the client's name.</summary>
    public string PdfFileName => string.Create(CultureInfo.InvariantCulture, $"evidence-pack-{CaseNumber}-{MadeAtUtc:yyyy-MM-dd}.pdf");

    /// <summary>The reports served on the Home Office, to attach to the pack: each document's latest version.</summary>
    public IEnumerable<(DocumentView Document, VersionView Version)> Reports =>
        View.Documents.Where(d => d.Kind == Documents.DocumentKind.MedicoLegalReport && d.ServedOn is not null && d.Versions.Count > 0).Select(d => (d, d.Versions[^1]));

    /// <summary>
    /// For the PDF, each report's pages by document id, as they follow the pack's (null for a file that is not a PDF,
    /// sent beside it); null for the printable page, to which nothing is attached.
    /// </summary>
    public IReadOnlyDictionary<int, int?>? AttachedPages { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await MakeAsync("evidence pack made: printable page", cancellationToken) ? Page() : Refused();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!PdfAvailable)
        {
            return NotFound();
        }
        if (!await MakeAsync("evidence pack made: PDF", cancellationToken))
        {
            return Refused();
        }
        var pages = new Dictionary<int, int?>();
        var attached = new List<byte[]>();
        foreach (var (document, version) in Reports)
        {
            // Read as a download is, so the trail names each report that went out with the pack. Documents are never deleted.
            var file = await book.DownloadAsync(Opened, document.Id, version.Number, cancellationToken)
                ?? throw new InvalidOperationException($"Document {document.Id} version {version.Number} of case {CaseNumber} was read a moment ago and is gone.");
            pages[document.Id] = AttachedReports.PageCount(file.Content);
            if (pages[document.Id] is not null)
            {
                attached.Add(file.Content);
            }
        }
        AttachedPages = pages;
        return new PrintedPage(printer, PdfFileName, attached);
    }

    private async Task<bool> MakeAsync(string made, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(made, cancellationToken))
        {
            return false;
        }
        View = await reading.ReadAsync(Opened, cancellationToken);
        var account = CaseReader.Of(User).AccountId;
        MadeBy = (await staff.NamesAsync([account]))[account];
        MadeAtUtc = NowUtc;
        return true;
    }

    /// <summary>
    /// The page rendered as usual, then printed by Chromium, the reports' pages appended, and sent as a PDF attachment
    /// instead of the HTML.
    /// </summary>
    private sealed class PrintedPage(ChromiumPrinter printer, string fileName, IReadOnlyList<byte[]> reports) : PageResult
    {
        public override async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var body = response.Body;
            using var html = new MemoryStream();
            response.Body = html;
            try
            {
                await base.ExecuteResultAsync(context);
            }
            finally
            {
                response.Body = body;
            }
            var printed = await printer.PrintAsync(Encoding.UTF8.GetString(html.ToArray()), context.HttpContext.RequestAborted);
            if (printed is not { } pack)
            {
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("The PDF could not be made just now. Print the evidence pack's page instead, or try again.", context.HttpContext.RequestAborted);
                return;
            }
            var pdf = reports.Count == 0 ? pack : AttachedReports.Append(pack, reports);
            response.ContentType = "application/pdf";
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            response.ContentLength = pdf.Length;
            await response.Body.WriteAsync(pdf, context.HttpContext.RequestAborted);
        }
    }
}
