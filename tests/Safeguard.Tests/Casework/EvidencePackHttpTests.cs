using System.Diagnostics;
using System.Net;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// The evidence pack for a client's lawyer through the real pipeline, on each engine: the printable page and its PDF
/// (printed by the Chromium that the test command installs) hold the case's chronology and who made them, their file
/// name holds no personal data, each is recorded, and staff who may not open the case get the 404 of any case.
/// </summary>
public abstract class EvidencePackHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The sample case's dates: detained, reviewed, assessed and the report served (<see cref="CaseworkSamples.CreateAsync"/>).</summary>
    private static readonly string[] ChronologyDays = ["1 March 2024", "10 March 2024", "15 March 2024", "20 March 2024"];

    private string FileName(string caseNumber) =>
        $"evidence-pack-{caseNumber}-{factory.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.pdf";

    [Fact]
    public async Task PrintablePage_AssignedCaseworker_HoldsTheChronologyAndWhoMadeIt_AndIsRecorded()
    {
        var (caseworker, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        var pack = $"{CaseworkPaths.Case(sample.CaseNumber)}/evidence-pack";

        var page = await browser.PageAsync(pack);

        var chronology = page.QuerySelector("#chronology-caption")!.ParentElement!.TextContent;
        foreach (var day in ChronologyDays)
        {
            chronology.ShouldContain(day);
        }
        chronology.ShouldContain("Medico-legal report served on the Home Office");
        page.QuerySelector(".evidence-pack__watermark")!.TextContent.ShouldContain("Made by Test Person on ");
        var pdf = page.QuerySelector($"a[href='{pack}/pdf']")!;
        pdf.GetAttribute("download").ShouldBe(FileName(sample.CaseNumber));
        pdf.GetAttribute("download")!.ShouldNotContain("Zephyrine", Case.Insensitive, "the case number and the day, never the client's name");
        (await CaseworkSamples.CaseEntriesAsync(factory.Services, caseworker.Id, sample.CaseNumber)).Select(e => (e.Action, e.Detail))
            .ShouldContain(("read", "evidence pack made: printable page"));
    }

    [Fact]
    public async Task Pdf_AssignedCaseworker_IsThePagePrinted_WithTheChronologysDates_NamedByCaseAndDay()
    {
        var (caseworker, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);

        var response = await browser.Client.GetAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/evidence-pack/pdf", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe(FileName(sample.CaseNumber));
        var text = await PdfTextAsync(await response.Content.ReadAsByteArrayAsync(Cancel));
        foreach (var day in ChronologyDays)
        {
            text.ShouldContain(day);
        }
        text.ShouldContain("Made by Test Person on ");
        text.ShouldContain(CaseworkSamples.PersonName, Case.Sensitive, "the lawyer's copy names their client");
        (await CaseworkSamples.CaseEntriesAsync(factory.Services, caseworker.Id, sample.CaseNumber)).Select(e => (e.Action, e.Detail))
            .ShouldContain(("read", "evidence pack made: PDF"));
    }

    [Fact]
    public async Task EvidencePack_CaseworkerNotAssigned_GetsNotFound_AndNothingIsMade()
    {
        var sample = await CaseworkSamples.CreateAsync(factory.Services, []);
        var (other, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var pack = $"{CaseworkPaths.Case(sample.CaseNumber)}/evidence-pack";

        (await browser.Client.GetAsync(pack, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var pdf = await browser.Client.GetAsync($"{pack}/pdf", Cancel);
        pdf.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        pdf.Content.Headers.ContentType!.MediaType.ShouldNotBe("application/pdf");

        (await CaseworkSamples.CaseEntriesAsync(factory.Services, other.Id, sample.CaseNumber)).Select(e => e.Detail)
            .ShouldBe(["refused: not assigned", "refused: not assigned"]);
    }

    /// <summary>The text of a PDF, as pdftotext (poppler-utils, which the test command installs) reads it.</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf, Cancel);
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(Cancel);
            await process.WaitForExitAsync(Cancel);
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class SqliteEvidencePackHttpTests(SqlitePortalFactory factory) : EvidencePackHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresEvidencePackHttpTests(PostgresPortalFactory factory) : EvidencePackHttpTests<PostgresPortalFactory>(factory);
