using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Documents;
using Safeguard.Casework.EvidencePacks;
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

    private string Today => factory.Clock.Today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

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
        chronology.ShouldContain($"{Today}Referral", Case.Sensitive, "the referral the case came from, on the day it came");
        chronology.ShouldContain("received from Example Law LLP, a lawyer (telephone)");
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
        var text = await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync(Cancel), Cancel);
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
    public async Task Pdf_ReportServedAsPdf_ItsPagesFollowThePack_AndOneNotAPdf_IsSaidToGoBesideIt()
    {
        var (caseworker, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id]);
        int pdfReport;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var report = (await scope.ServiceProvider.GetRequiredService<ChromiumPrinter>().PrintAsync(
                "<!DOCTYPE html><html lang=\"en\"><title>Report</title><p>Addendum on scarring, second examination.</p></html>", Cancel)).ShouldNotBeNull();
            (pdfReport, _) = (await scope.ServiceProvider.GetRequiredService<CaseBook>().UploadAsync(await CaseworkSamples.OpenAsync(scope.ServiceProvider, sample.CaseNumber),
                new DocumentUpload(null, DocumentKind.MedicoLegalReport, sample.Assessment, new DateOnly(2024, 4, 2), "addendum.pdf", "application/pdf", report), Cancel)).ShouldNotBeNull();
        }

        var response = await browser.Client.GetAsync($"{CaseworkPaths.Case(sample.CaseNumber)}/evidence-pack/pdf", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        // Without its spaces and line ends: pdftotext breaks a line where Chromium wrapped it, after a hyphen too.
        var text = Squeezed(await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync(Cancel), Cancel));
        text.ShouldContain(Squeezed("Addendum on scarring, second examination."), Case.Sensitive, "the report's own page follows the pack");
        text.IndexOf("Addendumonscarring", StringComparison.Ordinal).ShouldBeGreaterThan(text.IndexOf("Chronology", StringComparison.Ordinal));
        text.ShouldContain(Squeezed($"Medico-legal report {pdfReport}, version 1 (addendum.pdf), served on the Home Office on 2 April 2024"));
        text.ShouldContain(Squeezed("Its 1 page follows this pack's own."));
        text.ShouldContain(Squeezed($"Medico-legal report {sample.Document}, version 1 (mlr-zephyrine.pdf)"));
        text.ShouldContain(Squeezed("It is not a PDF, so it is not in this file: it is sent beside this pack."), Case.Sensitive, "the sample's report is a line of text named .pdf");
        (await CaseworkSamples.CaseEntriesAsync(factory.Services, caseworker.Id, sample.CaseNumber)).Select(e => e.Detail)
            .ShouldContain($"document {pdfReport} version 1 downloaded", "each report that goes out with the pack is read as a download is");
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

    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", "");
}

public sealed class SqliteEvidencePackHttpTests(SqlitePortalFactory factory) : EvidencePackHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresEvidencePackHttpTests(PostgresPortalFactory factory) : EvidencePackHttpTests<PostgresPortalFactory>(factory);
