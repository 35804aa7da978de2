using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;
using Safeguard.Tests.Statistics.Importing.Files;

namespace Safeguard.Tests.Http;

/// <summary>
/// The import flow against the real application and database: a wide FOI-style answer is previewed, committed into a
/// draft, published, and then served by the portal and API with its provenance. Failures and cancellations leave nothing.
/// </summary>
public abstract class ImportHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A synthetic FOI answer in the shape they come in: a title, a heading row, a total row and column, symbols and a footnote.</summary>
    /// <remarks>Each test uses its own year, so tests that publish do not change what the others compare with.</remarks>
    private static byte[] UseOfForceAnswer(int year, string brookHouseSecondHalf = "\"1,015\"", string brookHouseTotal = "1315") => Encoding.UTF8.GetBytes(
        $"""
        Use of force incidents in immigration removal centres,,,
        ,,,
        Centre,Jan-Jun {year},Jul-Dec {year},Total
        Brook House IRC,300,{brookHouseSecondHalf},{brookHouseTotal}
        Colnbrook IRC,<5,[c],
        Harmondsworth IRC,at least 120,not held,
        Total,,,
        "Source: synthetic FOI answer for tests",,,

        """);

    private const string WideTemplate = """
        {
          "name": "test-use-of-force-by-centre",
          "series": "Synthetic FOI: use of force by centre, half-yearly",
          "layout": "wide",
          "headerRow": 3,
          "measure": { "value": "use-of-force-incidents" },
          "place": { "column": "Centre" },
          "period": { "headingRow": 3 }
        }
        """;

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TemplateStore>().SaveAsync(TemplateDefinition.Parse(WideTemplate, "test"), Cancel);
        return await action(scope.ServiceProvider);
    }

    private static ImportRequest Request(byte[] content, string release, string file = "foi-use-of-force.csv") =>
        new(file, content, "test-use-of-force-by-centre", release, new SourceDetails("Synthetic FOI answer", "Home Office", "FOI 00001", new DateOnly(2024, 1, 15)));

    [Fact]
    public async Task Preview_ReadsTheWideAnswer_WithStatuses_AndComparesWithThePublishedRelease()
    {
        var preview = await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().PreviewAsync(Request(UseOfForceAnswer(2015), "preview-only"), null, Cancel));

        preview.Errors.ShouldBeEmpty();
        var figures = preview.Sheet.Figures.ToDictionary(f => (f.Place, f.Period.Key));
        figures.Count.ShouldBe(6);
        figures[("brook-house", "2015-H2")].Value.ShouldBe(1015m);
        figures[("brook-house", "2015-H2")].Location.ShouldBe("row 4, column C");
        figures[("colnbrook", "2015-H1")].Status.ShouldBe(ObservationStatus.AtMost);
        figures[("colnbrook", "2015-H2")].Status.ShouldBe(ObservationStatus.Suppressed);
        figures[("colnbrook", "2015-H2")].Value.ShouldBeNull();
        figures[("harmondsworth", "2015-H1")].Status.ShouldBe(ObservationStatus.AtLeast);
        figures[("harmondsworth", "2015-H2")].Status.ShouldBe(ObservationStatus.NotHeld);
        preview.ComparedWith.ShouldNotBeNull();
        preview.Comparison.Added.ShouldBe(6);
        preview.Comparison.Removed.ShouldBe(0);
        preview.Comparison.Unchanged.ShouldBeGreaterThan(10, "the draft starts from the published 2024 figures");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<StatisticsDbContext>().Releases.AnyAsync(r => r.Slug == "preview-only", Cancel)).ShouldBeFalse();
    }

    [Fact]
    public async Task TotalThatDisagreesWithItsParts_IsAWarningNamingTheCell()
    {
        var preview = await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>()
            .PreviewAsync(Request(UseOfForceAnswer(2016, brookHouseTotal: "1300"), "warned"), null, Cancel));

        preview.Errors.ShouldBeEmpty();
        preview.Warnings.ShouldHaveSingleItem().ToString().ShouldBe(
            "warning: foi-use-of-force.csv, row 4, column D: the total 1,300 does not equal the sum of its 2 parts, 1,315");
    }

    [Fact]
    public async Task CommitThenPublish_ServesTheFiguresWithTheirSource_AndTheChangelog()
    {
        var (preview, release) = await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(Request(UseOfForceAnswer(2023), "2025-h1"), null, Cancel));
        release.Status.ShouldBe(ReleaseStatus.Draft);
        preview.CreatesRelease.ShouldBeTrue();
        // Two synthetic tables in the Home Office's shapes, read by the shipped templates into the same draft.
        await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(new ImportRequest("detention_summary_flow.csv", Encoding.UTF8.GetBytes(
            "Date,Entering detention,Entering detention Asylum,Entering detention Non-asylum,Leaving detention,Leaving detention Asylum,Leaving detention Non-asylum,In detention (at end of period),In detention Asylum,In detention Non-asylum\n2019,1000,500,500,900,450,450,100,:,:\n"),
            "home-office-det-01", "2025-h1", new SourceDetails()), null, Cancel));
        await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(new ImportRequest("detentions_deaths_and_absconds.csv", Encoding.UTF8.GetBytes(
            "Year,Deaths of persons detained under Immigration Powers,Of which occurred in the detention estate,Escapes from detention centres,Absconds from escort\n2019,2,1,0,3\n"),
            "home-office-deaths-and-absconds", "2025-h1", new SourceDetails()), null, Cancel));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync("2025-h1", "Adds 2023 use of force by centre.", Cancel);
            published.Changelog.ShouldBe("Compared with release '2024': 19 figures added, 0 changed, 0 removed.\n\nAdds 2023 use of force by centre.");
        }

        using var client = factory.CreateClient();
        var json = await client.GetStringAsync("/api/v1/observations?release=2025-h1&measure=use-of-force-incidents&place=brook-house", Cancel);
        using var document = JsonDocument.Parse(json);
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("period").GetString()).ShouldBe(["2023-H1", "2023-H2", "2024"]);
        var secondHalf = items[1];
        secondHalf.GetProperty("value").GetDecimal().ShouldBe(1015m);
        secondHalf.GetProperty("sourceLocation").GetString().ShouldBe("row 4, column C");
        secondHalf.GetProperty("sourceFile").GetString().ShouldBe("foi-use-of-force.csv");
        secondHalf.GetProperty("sourceReference").GetString().ShouldBe("FOI 00001");

        // Deaths in 2019 per 100 people entering detention that year, where the population is known.
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/statistics/detention", Cancel), Cancel);
        var deaths = page.QuerySelectorAll("table.figures tbody tr").Single(tr => tr.TextContent.Contains("Deaths of people detained under immigration powers", StringComparison.Ordinal));
        deaths.QuerySelector("td.rate")!.TextContent.Trim().ShouldBe("0.2 per 100 people entering detention");
        var suppressed = page.QuerySelectorAll("table.figures tbody tr").First(tr => tr.TextContent.Contains("claim=asylum", StringComparison.Ordinal) && tr.TextContent.Contains("In detention", StringComparison.OrdinalIgnoreCase));
        suppressed.QuerySelector("td[data-status]")!.TextContent.Trim().ShouldBe("suppressed");
    }

    [Fact]
    public async Task TheSameFileTwice_IsRecognised_AndACorrectionShowsAsChanged()
    {
        await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(Request(UseOfForceAnswer(2017), "twice"), null, Cancel));

        var again = await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().PreviewAsync(Request(UseOfForceAnswer(2017), "twice"), null, Cancel));
        again.KnownDocument.ShouldNotBeNull().Reference.ShouldBe("FOI 00001");

        var corrected = await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>()
            .CommitAsync(Request(UseOfForceAnswer(2017, brookHouseSecondHalf: "1016", brookHouseTotal: "1316"), "twice", "foi-use-of-force-corrected.csv"), null, Cancel));
        corrected.Preview.KnownDocument.ShouldBeNull();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        var figures = await db.Observations.Where(o => o.Release!.Slug == "twice" && o.Measure!.Slug == MeasureSlugs.UseOfForceIncidents && o.Place!.Slug == "brook-house")
            .OrderBy(o => o.PeriodStart).Select(o => new { o.PeriodKey, o.Value, o.SourceDocument!.FileName }).ToListAsync(Cancel);
        figures.Where(f => f.PeriodKey.StartsWith("2017", StringComparison.Ordinal)).Select(f => (f.PeriodKey, f.Value)).ShouldBe([("2017-H1", 300m), ("2017-H2", 1016m)]);
        figures.Single(f => f.PeriodKey == "2017-H2").FileName.ShouldBe("foi-use-of-force-corrected.csv");
    }

    [Fact]
    public async Task AFileWithAnError_WritesNothing_AndSaysWhere()
    {
        var broken = Encoding.UTF8.GetBytes("Centre,Jan-Jun 2023\nBrook House IRC,300\nNowhere IRC,12\nColnbrook IRC,12a\n");
        var template = WideTemplate.Replace("\"headerRow\": 3", "\"headerRow\": 1", StringComparison.Ordinal).Replace("\"headingRow\": 3", "\"headingRow\": 1", StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TemplateStore>().SaveAsync(TemplateDefinition.Parse(template, "test"), Cancel);
        var importer = scope.ServiceProvider.GetRequiredService<StatisticsImporter>();

        var rejected = await Should.ThrowAsync<ImportRejectedException>(() => importer.CommitAsync(Request(broken, "broken", "broken.csv"), null, Cancel));

        rejected.Issues.Select(i => i.ToString()).ShouldBe([
            "error: broken.csv, row 3, column A: 'Nowhere IRC' is not a known place; add it to the template's \"place\" map or to the places",
            "error: broken.csv, row 4, column B: '12a' is not a figure: expected a number (1,340), a bound (at least 1,340; <5), or a symbol (* [c] : .. - x [x] [z] [u] not held)",
        ]);
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        (await db.Releases.AnyAsync(r => r.Slug == "broken", Cancel)).ShouldBeFalse();
        (await db.SourceDocuments.AnyAsync(d => d.FileName == "broken.csv", Cancel)).ShouldBeFalse();
    }

    [Fact]
    public async Task ACancelledImport_LeavesNothingBehind()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var cancelWhileWriting = new CancelAt(ImportStage.Writing, cancellation);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TemplateStore>().SaveAsync(TemplateDefinition.Parse(WideTemplate, "test"), Cancel);
        var importer = scope.ServiceProvider.GetRequiredService<StatisticsImporter>();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            importer.CommitAsync(Request(UseOfForceAnswer(2018, brookHouseSecondHalf: "1017"), "cancelled", "cancelled.csv"), cancelWhileWriting, cancellation.Token));

        await using var fresh = factory.Services.CreateAsyncScope();
        var db = fresh.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        (await db.Releases.AnyAsync(r => r.Slug == "cancelled", Cancel)).ShouldBeFalse();
        (await db.SourceDocuments.AnyAsync(d => d.FileName == "cancelled.csv", Cancel)).ShouldBeFalse();
    }

    [Fact]
    public async Task ImportingIntoAPublishedRelease_IsRefused()
    {
        var rejected = await Should.ThrowAsync<ImportRejectedException>(() =>
            WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(Request(UseOfForceAnswer(2019), "2024"), null, Cancel)));
        rejected.Message.ShouldContain("release '2024' is published and never changes");
    }

    [Fact]
    public async Task PortalDoesNotShowADraft()
    {
        await WithServicesAsync(s => s.GetRequiredService<StatisticsImporter>().CommitAsync(Request(UseOfForceAnswer(2020, brookHouseSecondHalf: "999"), "draft-only", "draft.csv"), null, Cancel));
        using var client = factory.CreateClient();
        (await client.GetAsync("/statistics/releases/draft-only", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/observations?release=draft-only", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private const string Rule35Template = """
        {
          "name": "test-rule-35-by-centre",
          "series": "Synthetic FOI: Rule 35 reports by centre, yearly, as a workbook",
          "layout": "wide",
          "sheet": "Rule 35",
          "headerRow": 4,
          "measure": { "headingRow": 4, "map": { "Rule 35(1)": "rule35-1-reports", "Rule 35(3)": "rule35-3-reports" } },
          "place": { "column": "Centre" },
          "period": { "headingRow": 3 }
        }
        """;

    private static string InlineText(string reference, string text) => $"<x:c r=\"{reference}\" t=\"inlineStr\"><x:is><x:t>{text}</x:t></x:is></x:c>";

    private static string Number(string reference, string value) => $"<x:c r=\"{reference}\"><x:v>{value}</x:v></x:c>";

    /// <summary>A synthetic workbook answer: a notes sheet first, then a title, a year heading merged over two columns, measures beneath, a formula with its saved result, and a footnote.</summary>
    private static byte[] Rule35Workbook() => TestWorkbooks.Xlsx([
        ("Notes", $"<x:row r=\"1\">{InlineText("A1", "About this answer")}</x:row>"),
        ("Rule 35",
            $"<x:row r=\"1\">{InlineText("A1", "Rule 35 reports by centre")}</x:row>" +
            $"<x:row r=\"3\">{InlineText("B3", "2022")}{InlineText("D3", "2023")}</x:row>" +
            $"<x:row r=\"4\">{InlineText("A4", "Centre")}{InlineText("B4", "Rule 35(1)")}{InlineText("C4", "Rule 35(3)")}{InlineText("D4", "Rule 35(1)")}{InlineText("E4", "Rule 35(3)")}</x:row>" +
            $"<x:row r=\"5\">{InlineText("A5", "Brook House IRC")}{Number("B5", "12")}{Number("C5", "240")}{Number("D5", "15")}{Number("E5", "260")}</x:row>" +
            $"<x:row r=\"6\">{InlineText("A6", "Colnbrook IRC")}{InlineText("B6", "&lt;5")}{Number("C6", "100")}<x:c r=\"D6\"><x:f>3+4</x:f><x:v>7</x:v></x:c>{InlineText("E6", "[c]")}</x:row>" +
            $"<x:row r=\"8\">{InlineText("A8", "Source: Home Office FOI response (synthetic)")}</x:row>"),
    ]);

    private static string OdsCell(string text) => $"<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>";

    private static string OdsNumber(string value) => $"<table:table-cell office:value-type=\"float\" office:value=\"{value}\"><text:p>{value}</text:p></table:table-cell>";

    /// <summary>The same answer as an ODS spreadsheet, its year heading spanning two columns as LibreOffice writes a merge.</summary>
    private static byte[] Rule35Spreadsheet() => TestWorkbooks.Ods(
        "<table:table table:name=\"Notes\"><table:table-row>" + OdsCell("About this answer") + "</table:table-row></table:table>" +
        "<table:table table:name=\"Rule 35\">" +
        "<table:table-row>" + OdsCell("Rule 35 reports by centre") + "</table:table-row>" +
        "<table:table-row><table:table-cell/></table:table-row>" +
        "<table:table-row><table:table-cell/><table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>2022</text:p></table:table-cell><table:covered-table-cell/>" +
        "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>2023</text:p></table:table-cell><table:covered-table-cell/></table:table-row>" +
        "<table:table-row>" + OdsCell("Centre") + OdsCell("Rule 35(1)") + OdsCell("Rule 35(3)") + OdsCell("Rule 35(1)") + OdsCell("Rule 35(3)") + "</table:table-row>" +
        "<table:table-row>" + OdsCell("Brook House IRC") + OdsNumber("12") + OdsNumber("240") + OdsNumber("15") + OdsNumber("260") + "</table:table-row>" +
        "<table:table-row>" + OdsCell("Colnbrook IRC") + OdsCell("&lt;5") + OdsNumber("100") +
        "<table:table-cell table:formula=\"of:=3+4\" office:value-type=\"float\" office:value=\"7\"><text:p>7</text:p></table:table-cell>" + OdsCell("[c]") + "</table:table-row>" +
        "<table:table-row table:number-rows-repeated=\"1\"><table:table-cell/></table:table-row>" +
        "<table:table-row>" + OdsCell("Source: Home Office FOI response (synthetic)") + "</table:table-row>" +
        "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>" +
        "</table:table>");

    [Theory]
    [InlineData("rule-35-answer.xlsx")]
    [InlineData("rule-35-answer.ods")]
    public async Task AWorkbookAnswer_WithMergedHeadingsAndAFormula_IsReadFromItsNamedSheet(string file)
    {
        var content = file.EndsWith(".xlsx", StringComparison.Ordinal) ? Rule35Workbook() : Rule35Spreadsheet();
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TemplateStore>().SaveAsync(TemplateDefinition.Parse(Rule35Template, "test"), Cancel);
        var importer = scope.ServiceProvider.GetRequiredService<StatisticsImporter>();

        var preview = await importer.PreviewAsync(new ImportRequest(file, content, "test-rule-35-by-centre", "workbook-answer", new SourceDetails()), null, Cancel);

        preview.Errors.ShouldBeEmpty();
        var figures = preview.Sheet.Figures.ToDictionary(f => (f.Measure, f.Place, f.Period.Key));
        figures.Count.ShouldBe(8);
        figures[("rule35-3-reports", "brook-house", "2023")].Value.ShouldBe(260m);
        figures[("rule35-1-reports", "colnbrook", "2022")].Status.ShouldBe(ObservationStatus.AtMost);
        figures[("rule35-1-reports", "colnbrook", "2023")].Value.ShouldBe(7m, "a formula is read as its saved result");
        figures[("rule35-3-reports", "colnbrook", "2023")].Status.ShouldBe(ObservationStatus.Suppressed);
        figures[("rule35-1-reports", "colnbrook", "2023")].Location.ShouldBe("sheet 'Rule 35', cell D6");
    }

    /// <summary>Cancels the import when it reaches a stage, as a person pressing Ctrl+C would.</summary>
    private sealed class CancelAt(ImportStage stage, CancellationTokenSource source) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Stage == stage)
            {
                source.Cancel();
            }
        }
    }
}

public sealed class SqliteImportHttpTests(OwnSqlitePortalFactory factory) : ImportHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresImportHttpTests(OwnPostgresPortalFactory factory) : ImportHttpTests<OwnPostgresPortalFactory>(factory);
