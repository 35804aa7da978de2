using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Tests.Statistics.Importing.Files;

/// <summary>Small synthetic XLSX and ODS files, built in memory for the readers' tests.</summary>
internal static class TestWorkbooks
{
    public const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// An XLSX file written with the OpenXML SDK. Each sheet is given as the XML inside its sheetData (rows and
    /// cells written as Excel writes them), so that tests control references, styles and formulas exactly.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<(string Name, string SheetData)> sheets, IEnumerable<string>? sharedStrings = null,
        string? cellFormats = null, string? numberFormats = null, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            if (date1904)
            {
                workbookPart.Workbook.AppendChild(new WorkbookProperties { Date1904 = true });
            }
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, sheetData) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = new Worksheet(
                    $"<x:worksheet xmlns:x=\"{SpreadsheetNs}\"><x:sheetData>{sheetData}</x:sheetData></x:worksheet>");
                sheetList.AppendChild(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(worksheetPart) });
            }
            if (sharedStrings is not null)
            {
                var table = workbookPart.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(
                    $"<x:sst xmlns:x=\"{SpreadsheetNs}\">{string.Concat(sharedStrings)}</x:sst>");
            }
            if (cellFormats is not null)
            {
                var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
                styles.Stylesheet = new Stylesheet(
                    $"<x:styleSheet xmlns:x=\"{SpreadsheetNs}\">{numberFormats}<x:cellXfs>{cellFormats}</x:cellXfs></x:styleSheet>");
            }
        }
        return stream.ToArray();
    }

    /// <summary>An XLSX file of one sheet.</summary>
    public static byte[] Xlsx(string sheetData, IEnumerable<string>? sharedStrings = null) =>
        Xlsx([("Sheet1", sheetData)], sharedStrings);

    /// <summary>
    /// An ODS file: the mimetype entry first and stored, a manifest, and a content.xml whose office:spreadsheet
    /// holds <paramref name="tables"/>.
    /// </summary>
    public static byte[] Ods(string tables) => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", CompressionLevel.NoCompression),
        ("META-INF/manifest.xml",
            "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">" +
            "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>" +
            "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>",
            CompressionLevel.Optimal),
        ("content.xml", OdsContent(tables), CompressionLevel.Optimal));

    public static string OdsContent(string tables) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" +
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " +
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " +
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">" +
        $"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>";

    public static byte[] Zip(params (string Name, string Content, CompressionLevel Level)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, level) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name, level).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return stream.ToArray();
    }

    public static ImportLimits Limits => new();

    /// <summary>All rows of a sheet, read to the end.</summary>
    public static List<SheetRow> Rows(this IWorkbook workbook, string? sheetName = null) =>
        [.. workbook.ReadRows(sheetName ?? workbook.SheetNames[0], TestContext.Current.CancellationToken)];

    /// <summary>A row as "A1=text(Text) B1=3(Number)" for compact assertions.</summary>
    public static string Describe(this SheetRow row) =>
        string.Join(" ", row.Cells.Select(c => $"{ColumnLetters.Of(c.Column)}{row.Number}={c.Text}({c.Kind})"));
}
