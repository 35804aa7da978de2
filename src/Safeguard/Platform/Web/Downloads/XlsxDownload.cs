using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Platform.Web.Downloads;

/// <summary>
/// Writes an Excel workbook of named sheets, each a sequence of rows of cells. Text cells are neutralised against
/// formulas (<see cref="SpreadsheetText"/>) and no cell carries a formula, so a download cannot run anything.
/// </summary>
public static class XlsxDownload
{
    /// <summary>Writes the sheets, in order, to <paramref name="output"/> and leaves it open.</summary>
    /// <remarks>
    /// The Open XML packaging writes synchronously, which ASP.NET Core response bodies refuse, so the workbook
    /// is built in memory and then copied out asynchronously. Rows are written element by element rather than
    /// as a document tree, so memory holds the compressed workbook, not one object per cell.
    /// </remarks>
    public static async Task WriteAsync(IReadOnlyList<(string Name, IEnumerable<Cell[]> Rows)> sheets, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var entries = new Sheets();
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                WriteSheet(part, rows);
                entries.Append(new Sheet { Name = name, SheetId = (uint)entries.ChildElements.Count + 1, Id = workbook.GetIdOfPart(part) });
            }
            // A few elements: a tree is clearer than a writer here, and costs nothing.
            workbook.Workbook = new Workbook(entries);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>A text cell holding <paramref name="text"/>, neutralised, its leading and trailing spaces kept.</summary>
    public static Cell TextCell(string text)
    {
        var neutralised = SpreadsheetText.Neutralise(text);
        var content = new Text(neutralised);
        if (neutralised.Length > 0 && (char.IsWhiteSpace(neutralised[0]) || char.IsWhiteSpace(neutralised[^1])))
        {
            content.Space = SpaceProcessingModeValues.Preserve;
        }
        return new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(content) };
    }

    /// <summary>A numeric cell from a number written in invariant culture, or an empty cell when there is none.</summary>
    public static Cell NumberCell(string? invariantNumber) =>
        invariantNumber is { } number ? new Cell { CellValue = new CellValue(number) } : new Cell();

    private static void WriteSheet(WorksheetPart part, IEnumerable<Cell[]> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        foreach (var cells in rows)
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
}
