using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Publishing;

/// <summary>
/// Writes observations as an Excel workbook: a sheet "observations" with the tidy columns, one row per
/// observation, and a sheet "about" describing the release. Values are numeric cells; every text cell is
/// neutralised against formulas, and no cell carries a formula.
/// </summary>
public static class TidyXlsxWriter
{
    /// <summary>The name of the sheet holding the observations.</summary>
    public const string ObservationsSheet = "observations";

    /// <summary>The name of the sheet describing the release.</summary>
    public const string AboutSheet = "about";

    /// <summary>
    /// Writes the workbook to <paramref name="output"/> and leaves it open. <paramref name="about"/> gives the
    /// rows of the "about" sheet, label then text: title, release, status, published date, content hash,
    /// credit line, licence and source note.
    /// </summary>
    /// <remarks>
    /// The Open XML packaging writes synchronously, which ASP.NET Core response bodies refuse, so the workbook
    /// is built in memory and then copied out asynchronously. Rows are written element by element rather than
    /// as a document tree, so memory holds the compressed workbook, not one object per cell.
    /// </remarks>
    public static async Task WriteAsync(
        IEnumerable<ObservationRow> rows, IReadOnlyList<(string Label, string Text)> about, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(about);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var observations = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(observations, ObservationLines(rows, cancellationToken));
            var aboutPart = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(aboutPart, about.Select(line => new[] { TextCell(line.Label), TextCell(line.Text) }));

            // Two elements: a tree is clearer than a writer here, and costs nothing.
            workbook.Workbook = new Workbook(new Sheets(
                new Sheet { Name = ObservationsSheet, SheetId = 1, Id = workbook.GetIdOfPart(observations) },
                new Sheet { Name = AboutSheet, SheetId = 2, Id = workbook.GetIdOfPart(aboutPart) }));
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static IEnumerable<Cell[]> ObservationLines(IEnumerable<ObservationRow> rows, CancellationToken cancellationToken)
    {
        yield return TidyColumns.All.Select(c => TextCell(c.Name)).ToArray();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return TidyColumns.All.Select(c => c.IsNumber ? NumberCell(c.NumberOf(row)) : TextCell(c.TextOf(row) ?? "")).ToArray();
        }
    }

    private static void WriteSheet(WorksheetPart part, IEnumerable<Cell[]> lines)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        foreach (var cells in lines)
        {
            writer.WriteStartElement(new Row());
            foreach (var cell in cells)
            {
                writer.WriteElement(cell);
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell TextCell(string text)
    {
        var neutralised = SpreadsheetText.Neutralise(text);
        var content = new Text(neutralised);
        if (neutralised.Length > 0 && (char.IsWhiteSpace(neutralised[0]) || char.IsWhiteSpace(neutralised[^1])))
        {
            content.Space = SpaceProcessingModeValues.Preserve;
        }
        return new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(content) };
    }

    /// <summary>A numeric cell, or an empty cell when the figure carries no number.</summary>
    private static Cell NumberCell(decimal? value) =>
        value is { } number ? new Cell { CellValue = new CellValue(TidyColumns.FormatNumber(number)) } : new Cell();
}
