using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Safeguard.Statistics.Downloads;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics.Downloads;

public sealed class TidyXlsxWriterTests
{
    private const string Hostile = "=HYPERLINK(\"https://example.invalid\",\"click\")";

    private static readonly (string Label, string Text)[] About =
    [
        ("Title", "Immigration detention statistics: 2024"),
        ("Release", "2024"),
        ("Status", "published"),
        ("Published", "2026-11-23"),
        ("Content hash", new string('b', 64)),
        ("Credit", "Synthetic Charity (2026). Immigration detention statistics: 2024."),
        ("Licence", "+ figures obtained through synthetic requests"),
    ];

    [Fact]
    public async Task WriteAsync_Workbook_HasObservationsThenAboutSheets()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row()]);

        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ShouldBe(["observations", "about"]);
    }

    [Fact]
    public async Task WriteAsync_Workbook_IsValidOpenXml()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row(), SyntheticRows.Row(null, ObservationStatus.Suppressed, note: " padded ")]);

        new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteAsync_ObservationsSheet_StartsWithTheTidyHeader()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row()]);
        var rows = SheetRows(document, "observations");

        rows.Count.ShouldBe(2);
        rows[0].Select(CellText).ShouldBe(TidyColumns.All.Select(c => c.Name));
    }

    [Fact]
    public async Task WriteAsync_Value_IsANumericCell()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row(-5.00m)]);
        var value = SheetRows(document, "observations")[1][ValueIndex];

        value.DataType.ShouldBeNull();
        value.CellValue!.Text.ShouldBe("-5");
    }

    [Fact]
    public async Task WriteAsync_NoValue_IsAnEmptyCell()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row(null, ObservationStatus.NotHeld)]);
        var cells = SheetRows(document, "observations")[1];

        cells.Length.ShouldBe(TidyColumns.All.Count);
        cells[ValueIndex].CellValue.ShouldBeNull();
        cells[ValueIndex].InlineString.ShouldBeNull();
    }

    [Fact]
    public async Task WriteAsync_TextCells_AreInlineStrings()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row()]);
        var cells = SheetRows(document, "observations")[1];

        cells[ColumnIndex("place_name")].DataType!.Value.ShouldBe(CellValues.InlineString);
        CellText(cells[ColumnIndex("place_name")]).ShouldBe("Yarl's Wood");
        CellText(cells[ColumnIndex("display")]).ShouldBe("1,292");
    }

    [Fact]
    public async Task WriteAsync_HostileText_IsNeutralisedAndNoCellHasAFormula()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row(note: Hostile)]);

        CellText(SheetRows(document, "observations")[1][ColumnIndex("note")]).ShouldBe("'" + Hostile);
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            part.Worksheet.Descendants<CellFormula>().ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task WriteAsync_AboutSheet_HoldsTheCallersLinesNeutralised()
    {
        using var document = await WriteAndOpenAsync([SyntheticRows.Row()]);
        var rows = SheetRows(document, "about");

        rows.Select(r => (CellText(r[0]), CellText(r[1]))).ShouldBe(
            About.Select(a => (a.Label, a.Text.StartsWith('+') ? "'" + a.Text : a.Text)));
    }

    private static int ValueIndex => ColumnIndex("value");

    private static int ColumnIndex(string name) => TidyColumns.All.Select(c => c.Name).ToList().IndexOf(name);

    private static async Task<SpreadsheetDocument> WriteAndOpenAsync(IEnumerable<ObservationRow> rows)
    {
        var output = new MemoryStream();
        await TidyXlsxWriter.WriteAsync(rows, About, output, TestContext.Current.CancellationToken);
        output.Position = 0;
        return SpreadsheetDocument.Open(output, isEditable: false);
    }

    private static List<Cell[]> SheetRows(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToArray()).ToList();
    }

    private static string CellText(Cell cell) => cell.InlineString?.Text?.Text ?? "";
}
