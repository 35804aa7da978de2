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
/// Home Office step, the outcome), its clocks and the reports to attach, as a page to print and, where Chromium is
/// installed, the same page as a PDF. Made on request by staff who may open the case, recorded on the audit trail,
/// and marked on every page with who made it and when.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class EvidencePackModel(CaseAccess access, CaseReading reading, StaffDirectory staff, ChromiumPrinter printer, TimeProvider time)
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
        View.Documents.Where(d => d.Kind == Documents.DocumentKind.MedicoLegalReport && d.Versions.Count > 0).Select(d => (d, d.Versions[^1]));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await MakeAsync("evidence pack made: printable page", cancellationToken) ? Page() : Refused();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!PdfAvailable)
        {
            return NotFound();
        }
        return await MakeAsync("evidence pack made: PDF", cancellationToken) ? new PrintedPage(printer, PdfFileName) : Refused();
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

    /// <summary>The page rendered as usual, then printed by Chromium and sent as a PDF attachment instead of the HTML.</summary>
    private sealed class PrintedPage(ChromiumPrinter printer, string fileName) : PageResult
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
            var pdf = await printer.PrintAsync(Encoding.UTF8.GetString(html.ToArray()), context.HttpContext.RequestAborted);
            if (pdf is null)
            {
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("The PDF could not be made just now. Print the evidence pack's page instead, or try again.", context.HttpContext.RequestAborted);
                return;
            }
            response.ContentType = "application/pdf";
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            response.ContentLength = pdf.Length;
            await response.Body.WriteAsync(pdf, context.HttpContext.RequestAborted);
        }
    }
}
