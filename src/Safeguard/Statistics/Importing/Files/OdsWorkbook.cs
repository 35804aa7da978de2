using System.Globalization;
using System.Text;
using System.Xml;

namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// An OpenDocument spreadsheet, read from content.xml with a forward-only XmlReader (see <see cref="ZipPackage"/>
/// for the zip limits). Sheet names come from one pass over content.xml when the file is opened; each
/// <see cref="ReadRows"/> streams its sheet in a new pass.
/// <para>
/// Repeats are honoured as the file states them: an empty row or cell repeated a million times costs nothing; a row
/// with content repeated is that many rows (and counts towards the row limit). Numbers (float, percentage,
/// currency) come from office:value, dates from office:date-value (the date part), booleans as TRUE/FALSE, and
/// text from the cell's paragraphs joined with line breaks; comments (office:annotation) are left out. Formulas
/// are read as their saved result and never evaluated. Cells hidden under a merged cell are read like any other.
/// </para>
/// </summary>
internal sealed class OdsWorkbook : IWorkbook
{
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Content = "content.xml";

    private readonly ZipPackage _package;
    private readonly ImportLimits _limits;
    private readonly ReadAllowance _cells;

    private OdsWorkbook(ZipPackage package, ImportLimits limits, IReadOnlyList<string> sheetNames)
    {
        _package = package;
        _limits = limits;
        _cells = new ReadAllowance(limits.MaxCells, () => LimitMessages.TooManyCells(FileName, limits.MaxCells));
        SheetNames = sheetNames;
    }

    public string FileName => _package.FileName;

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyList<ImportIssue> Warnings { get; } = [];

    /// <summary>Reads the names of the sheets, in order.</summary>
    public static OdsWorkbook Open(ZipPackage package, ImportLimits limits)
    {
        var names = new List<string>();
        using var archive = package.OpenArchive();
        var entry = ZipPackage.Find(archive, Content)
            ?? throw ZipPackage.Damaged(package.FileName, "it has no content.xml, where an ODS file keeps its sheets");
        ZipPackage.Guard(package.FileName, Content, () =>
        {
            using var xml = package.OpenXml(entry);
            Xml.ForEachElement(xml, "spreadsheet", spreadsheet => Xml.ForEachChild(spreadsheet, child =>
            {
                if (IsTable(child))
                {
                    names.Add(child.GetAttribute("name", TableNs) ?? $"Sheet{names.Count + 1}");
                }
                child.Skip();
            }));
            return true;
        });
        return new OdsWorkbook(package, limits, names);
    }

    public IEnumerable<SheetRow> ReadRows(string sheetName, CancellationToken cancellationToken)
    {
        for (var i = 0; i < SheetNames.Count; i++)
        {
            if (string.Equals(SheetNames[i], sheetName, StringComparison.Ordinal))
            {
                return ReadSheet(i, sheetName, cancellationToken);
            }
        }
        throw new ImportFileException(
            $"{FileName} has no sheet named '{sheetName}'; its sheets are {string.Join(", ", SheetNames.Select(n => $"'{n}'"))}");
    }

    public void Dispose()
    {
        // The content is in memory and each pass opens (and closes) its own archive and readers.
    }

    private static bool IsTable(XmlReader xml) => xml.LocalName == "table" && xml.NamespaceURI == TableNs;

    private IEnumerable<SheetRow> ReadSheet(int index, string sheetName, CancellationToken cancellationToken)
    {
        var where = $"sheet '{sheetName}'";
        using var archive = _package.OpenArchive();
        var entry = ZipPackage.Find(archive, Content) ?? throw ZipPackage.Damaged(FileName, $"{Content} is missing");
        using var xml = ZipPackage.Guard(FileName, Content, () => _package.OpenXml(entry));
        var tableDepth = ZipPackage.Guard(FileName, Content, () => MoveIntoTable(xml, index));
        if (tableDepth < 0)
        {
            yield break;
        }
        var state = new SheetState(sheetName, tableDepth);
        var rows = 0;
        long cells = 0;
        while (true)
        {
            var found = ZipPackage.Guard(FileName, where, () => NextRow(xml, state, cancellationToken));
            if (found is not { } row)
            {
                yield break;
            }
            for (var i = 0; i < row.Repeat; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++rows > _limits.MaxRows)
                {
                    throw LimitMessages.TooManyRows(FileName, sheetName, _limits.MaxRows);
                }
                var number = row.First + i;
                if (number > int.MaxValue)
                {
                    throw ZipPackage.Damaged(FileName, $"{where} has rows numbered beyond {LimitMessages.Count(int.MaxValue)}");
                }
                cells += row.Cells.Count;
                _cells.Charge(sheetName, cells);
                yield return new SheetRow((int)number, row.Cells);
            }
        }
    }

    /// <summary>Moves the reader into the index-th sheet; gives that table's depth, or -1 if the sheet has no content.</summary>
    private static int MoveIntoTable(XmlReader xml, int index)
    {
        var seen = -1;
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && IsTable(xml) && IsSheetLevel(xml) && ++seen == index)
            {
                if (xml.IsEmptyElement)
                {
                    return -1;
                }
                var depth = xml.Depth;
                xml.Read();
                return depth;
            }
            if (xml.NodeType == XmlNodeType.Element && IsTable(xml))
            {
                xml.Skip();
                continue;
            }
            xml.Read();
        }
        return -1;
    }

    /// <summary>Sheets are the tables directly in office:spreadsheet, which sits at depth 2 in content.xml.</summary>
    private static bool IsSheetLevel(XmlReader xml) => xml.Depth == 3;

    private sealed class SheetState(string sheetName, int tableDepth)
    {
        public string SheetName { get; } = sheetName;
        public int TableDepth { get; } = tableDepth;
        public long NextRowNumber { get; set; } = 1;
    }

    private readonly record struct RepeatedRow(long First, long Repeat, List<Cell> Cells);

    /// <summary>
    /// The next row with content, with how many times the file repeats it, or null at the end of the sheet.
    /// Empty rows, however often repeated, only move the row number on.
    /// </summary>
    private RepeatedRow? NextRow(XmlReader xml, SheetState state, CancellationToken cancellationToken)
    {
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == state.TableDepth)
            {
                return null;
            }
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            if (xml.NamespaceURI != TableNs)
            {
                xml.Skip();
                continue;
            }
            switch (xml.LocalName)
            {
                case "table-row-group" or "table-header-rows" or "table-rows":
                    // Groups hold rows: step inside them.
                    xml.Read();
                    continue;
                case "table-row":
                    cancellationToken.ThrowIfCancellationRequested();
                    var repeat = Repeat(xml, "number-rows-repeated");
                    var first = state.NextRowNumber;
                    state.NextRowNumber += repeat;
                    var cells = ReadCells(xml, state, first);
                    if (cells.Count > 0)
                    {
                        return new RepeatedRow(first, repeat, cells);
                    }
                    continue;
                default:
                    xml.Skip();
                    continue;
            }
        }
        return null;
    }

    private static long Repeat(XmlReader xml, string attribute) =>
        long.TryParse(xml.GetAttribute(attribute, TableNs), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1
            ? n
            : 1;

    /// <summary>The row's cells with content (repeats expanded), leaving the reader after the row.</summary>
    private List<Cell> ReadCells(XmlReader xml, SheetState state, long rowNumber)
    {
        var cells = new List<Cell>();
        long column = 1;
        Xml.ForEachChild(xml, cell =>
        {
            if (cell.NamespaceURI != TableNs || cell.LocalName is not ("table-cell" or "covered-table-cell"))
            {
                cell.Skip();
                return;
            }
            var repeat = Repeat(cell, "number-columns-repeated");
            var value = ReadValue(cell);
            if (value is var (text, kind))
            {
                if (column + repeat - 1 > SheetLimits.MaxColumns)
                {
                    throw LimitMessages.TooManyColumns(FileName, state.SheetName, (int)Math.Min(rowNumber, int.MaxValue));
                }
                for (var i = 0; i < repeat; i++)
                {
                    cells.Add(new Cell((int)(column + i), text, kind));
                }
            }
            column += repeat;
        });
        return cells;
    }

    /// <summary>What a cell holds, or null when it is empty; leaves the reader after the cell.</summary>
    private static (string Text, CellKind Kind)? ReadValue(XmlReader cell)
    {
        var type = cell.GetAttribute("value-type", OfficeNs);
        var value = cell.GetAttribute("value", OfficeNs);
        var dateValue = cell.GetAttribute("date-value", OfficeNs);
        var booleanValue = cell.GetAttribute("boolean-value", OfficeNs);
        var stringValue = cell.GetAttribute("string-value", OfficeNs);
        var formula = cell.GetAttribute("formula", TableNs);
        if (cell.IsEmptyElement && type is null && formula is null)
        {
            cell.Read();
            return null;
        }
        var text = ReadParagraphs(cell);
        switch (type)
        {
            case "float" or "percentage" or "currency" when value is not null:
                return (value.Trim(), CellKind.Number);
            case "date" when dateValue is { Length: >= 10 }
                && DateOnly.TryParseExact(dateValue.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out _):
                return (dateValue[..10], CellKind.Date);
            case "boolean" when booleanValue is not null:
                return (booleanValue.Trim() is "true" or "1" ? "TRUE" : "FALSE", CellKind.Text);
            case "string" when stringValue is not null:
                return string.IsNullOrWhiteSpace(stringValue) ? null : (stringValue, CellKind.Text);
            case null when formula is not null && string.IsNullOrWhiteSpace(text):
                return (FormulaText(formula), CellKind.FormulaWithoutResult);
            default:
                return string.IsNullOrWhiteSpace(text) ? null : (text, CellKind.Text);
        }
    }

    /// <summary>"of:=SUM([.A1:.A3])" → "=SUM([.A1:.A3])": the formula as a person would see it.</summary>
    private static string FormulaText(string formula)
    {
        var colon = formula.IndexOf(':', StringComparison.Ordinal);
        var equals = formula.IndexOf('=', StringComparison.Ordinal);
        var text = colon >= 0 && (equals < 0 || colon < equals) ? formula[(colon + 1)..] : formula;
        return text.StartsWith('=') ? text : "=" + text;
    }

    /// <summary>The cell's paragraphs joined with "\n", without comments; leaves the reader after the cell.</summary>
    private static string ReadParagraphs(XmlReader cell)
    {
        var paragraphs = new List<string>();
        Xml.ForEachChild(cell, child =>
        {
            if (child.NamespaceURI == TextNs && child.LocalName is "p" or "h")
            {
                var text = new StringBuilder();
                AppendInline(child, text);
                paragraphs.Add(text.ToString());
            }
            else
            {
                child.Skip();
            }
        });
        return string.Join('\n', paragraphs);
    }

    /// <summary>Appends the text inside an element (spans, links, spaces, tabs, line breaks), leaving out notes.</summary>
    private static void AppendInline(XmlReader xml, StringBuilder text)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text.Append(xml.Value);
                    xml.Read();
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "s":
                    var count = int.TryParse(xml.GetAttribute("c", TextNs), NumberStyles.None, CultureInfo.InvariantCulture,
                        out var c) ? Math.Clamp(c, 1, SheetLimits.MaxColumns) : 1;
                    text.Append(' ', count);
                    xml.Skip();
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "tab":
                    text.Append('\t');
                    xml.Skip();
                    break;
                case XmlNodeType.Element when xml.NamespaceURI == TextNs && xml.LocalName == "line-break":
                    text.Append('\n');
                    xml.Skip();
                    break;
                case XmlNodeType.Element when (xml.NamespaceURI == TextNs && xml.LocalName == "note")
                    || (xml.NamespaceURI == OfficeNs && xml.LocalName == "annotation"):
                    xml.Skip();
                    break;
                case XmlNodeType.Element:
                    AppendInline(xml, text);
                    break;
                default:
                    xml.Read();
                    break;
            }
        }
        xml.Read();
    }
}
