using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// An XLSX workbook, read part by part from its zip with forward-only XmlReaders (never a DOM), so a large sheet
/// streams and every inflated byte is counted (see <see cref="ZipPackage"/>). The OpenXML SDK's package reader is
/// not used because it owns the zip and its inflation cannot be metered.
/// <para>
/// What a cell gives: text (shared, inline, or a formula's text result) as <see cref="CellKind.Text"/>; numbers as
/// <see cref="CellKind.Number"/> with the file's own invariant text; a number styled as a date (built-in formats
/// 14–22 and 45–47, or a custom format with a day, month or year in it) as <see cref="CellKind.Date"/>, ISO
/// yyyy-MM-dd in the workbook's date system (1900 or 1904), but a month's first day in a format with no day ("Mar-24",
/// built-in 17 or "mmmm yyyy": how Excel keeps a heading typed as a month) as <see cref="CellKind.Month"/>, yyyy-MM;
/// TRUE/FALSE and errors (#N/A) as text. A formula is read
/// as its saved result and never evaluated; one with no saved result is <see cref="CellKind.FormulaWithoutResult"/>
/// with its formula ("=SUM(B2:B9)"). Links to other workbooks are never opened. A text cell of only spaces counts
/// as empty.
/// </para>
/// </summary>
internal sealed class XlsxWorkbook : IWorkbook
{
    private const string WorksheetType = "/worksheet";

    private readonly ZipPackage _package;
    private readonly ImportLimits _limits;
    private readonly ReadAllowance _cells;
    private readonly IReadOnlyList<(string Name, string Part)> _sheets;
    private readonly bool _date1904;
    private readonly Lazy<string[]> _sharedStrings;
    private readonly Lazy<DateShown[]> _dateStyles;

    private XlsxWorkbook(ZipPackage package, ImportLimits limits, IReadOnlyList<(string Name, string Part)> sheets,
        bool date1904, string? sharedStringsPart, string? stylesPart)
    {
        _package = package;
        _limits = limits;
        _sheets = sheets;
        _date1904 = date1904;
        _cells = new ReadAllowance(limits.MaxCells, () => LimitMessages.TooManyCells(FileName, limits.MaxCells));
        _sharedStrings = new(() => sharedStringsPart is null ? [] : ReadPart(sharedStringsPart, "the shared strings", ReadSharedStrings, []));
        _dateStyles = new(() => stylesPart is null ? [] : ReadPart(stylesPart, "the styles", ReadDateStyles, []));
        SheetNames = [.. sheets.Select(s => s.Name)];
    }

    public string FileName => _package.FileName;

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyList<ImportIssue> Warnings { get; } = [];

    /// <summary>Reads the workbook part: its sheets in order, its date system, and where its strings and styles are.</summary>
    public static XlsxWorkbook Open(ZipPackage package, ImportLimits limits)
    {
        var fileName = package.FileName;
        using var archive = package.OpenArchive();
        var workbookPart = ReadRelationships(package, archive, "", "the package relationships")
            .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
        var workbookEntry = ZipPackage.Find(archive, workbookPart)
            ?? throw ZipPackage.Damaged(fileName, "it has no workbook part");
        var relationships = ReadRelationships(package, archive, workbookPart, "the workbook relationships")
            .ToDictionary(r => r.Id, StringComparer.Ordinal);

        var sheets = new List<(string, string)>();
        var date1904 = false;
        ZipPackage.Guard(fileName, "the workbook part", () =>
        {
            using var xml = package.OpenXml(workbookEntry);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (xml.LocalName == "workbookPr")
                {
                    date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name
                    && RelationshipId(xml) is { } id
                    && relationships.TryGetValue(id, out var target)
                    && target.Type.EndsWith(WorksheetType, StringComparison.Ordinal))
                {
                    sheets.Add((name, target.Target));
                }
            }
            return true;
        });

        string? PartOfType(string type) =>
            relationships.Values.FirstOrDefault(r => r.Type.EndsWith(type, StringComparison.Ordinal)).Target;
        return new XlsxWorkbook(package, limits, sheets, date1904, PartOfType("/sharedStrings"), PartOfType("/styles"));
    }

    public IEnumerable<SheetRow> ReadRows(string sheetName, CancellationToken cancellationToken)
    {
        foreach (var (name, part) in _sheets)
        {
            if (string.Equals(name, sheetName, StringComparison.Ordinal))
            {
                return ReadSheet(name, part, cancellationToken);
            }
        }
        throw new ImportFileException(
            $"{FileName} has no sheet named '{sheetName}'; its sheets are {string.Join(", ", SheetNames.Select(n => $"'{n}'"))}");
    }

    public void Dispose()
    {
        // The content is in memory and each pass opens (and closes) its own archive and readers.
    }

    private IEnumerable<SheetRow> ReadSheet(string sheetName, string part, CancellationToken cancellationToken)
    {
        var where = $"sheet '{sheetName}'";
        var sharedStrings = _sharedStrings.Value;
        var dateStyles = _dateStyles.Value;
        using var archive = _package.OpenArchive();
        var entry = ZipPackage.Find(archive, part) ?? throw ZipPackage.Damaged(FileName, $"{where} is missing from it");
        using var xml = ZipPackage.Guard(FileName, where, () => _package.OpenXml(entry));
        var state = new SheetState(sheetName, sharedStrings, dateStyles);
        var rows = 0;
        long cells = 0;
        while (true)
        {
            var row = ZipPackage.Guard(FileName, where, () => NextRow(xml, state, cancellationToken));
            if (row is null)
            {
                yield break;
            }
            if (++rows > _limits.MaxRows)
            {
                throw LimitMessages.TooManyRows(FileName, sheetName, _limits.MaxRows);
            }
            cells += row.Cells.Count;
            _cells.Charge(sheetName, cells);
            yield return row;
        }
    }

    private sealed class SheetState(string sheetName, string[] sharedStrings, DateShown[] dateStyles)
    {
        public string SheetName { get; } = sheetName;
        public string[] SharedStrings { get; } = sharedStrings;
        public DateShown[] DateStyles { get; } = dateStyles;
        public int LastRow { get; set; }
        public Dictionary<string, string> SharedFormulas { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The next row with content, or null at the end of the sheet.</summary>
    private SheetRow? NextRow(XmlReader xml, SheetState state, CancellationToken cancellationToken)
    {
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                xml.Read();
                continue;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var number = xml.GetAttribute("r") is { } r ? ParseRowNumber(r, state) : state.LastRow + 1;
            state.LastRow = number;
            var cells = ReadCells(xml, state, number);
            if (cells.Count > 0)
            {
                return new SheetRow(number, cells);
            }
        }
        return null;
    }

    private int ParseRowNumber(string text, SheetState state) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw ZipPackage.Damaged(FileName, $"sheet '{state.SheetName}' has a row numbered '{text}' after row {state.LastRow}");

    /// <summary>Reads the cells of the row the reader is on, leaving the reader after the row.</summary>
    private List<Cell> ReadCells(XmlReader xml, SheetState state, int rowNumber)
    {
        var cells = new List<Cell>();
        var column = 0;
        Xml.ForEachChild(xml, child =>
        {
            if (child.LocalName != "c")
            {
                child.Skip();
                return;
            }
            column = child.GetAttribute("r") is { } reference ? ColumnOf(reference, state, rowNumber) : column + 1;
            if (column > SheetLimits.MaxColumns)
            {
                throw LimitMessages.TooManyColumns(FileName, state.SheetName, rowNumber);
            }
            if (ReadCell(child, state, column, rowNumber) is { } cell)
            {
                cells.Add(cell);
            }
        });
        return cells;
    }

    private int ColumnOf(string reference, SheetState state, int rowNumber)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }
            column = (column * 26) + (upper - 'A' + 1);
            if (column > SheetLimits.MaxColumns)
            {
                throw LimitMessages.TooManyColumns(FileName, state.SheetName, rowNumber);
            }
        }
        return column > 0
            ? column
            : throw ZipPackage.Damaged(FileName, $"sheet '{state.SheetName}', row {rowNumber} has a cell named '{reference}'");
    }

    /// <summary>Reads one c element (the reader is on it) and leaves the reader after it.</summary>
    private Cell? ReadCell(XmlReader xml, SheetState state, int column, int rowNumber)
    {
        var type = xml.GetAttribute("t");
        var style = xml.GetAttribute("s");
        string? value = null;
        string? formula = null;
        string? inline = null;
        Xml.ForEachChild(xml, child =>
        {
            switch (child.LocalName)
            {
                case "v":
                    value = child.ReadElementContentAsString();
                    break;
                case "f":
                    formula = ReadFormula(child, state);
                    break;
                case "is":
                    inline = ReadRichText(child);
                    break;
                default:
                    child.Skip();
                    break;
            }
        });

        if (type == "inlineStr")
        {
            return TextCell(column, inline ?? value);
        }
        if (value is null)
        {
            return formula is null ? null : new Cell(column, "=" + formula, CellKind.FormulaWithoutResult);
        }
        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < state.SharedStrings.Length
                    ? TextCell(column, state.SharedStrings[index])
                    : throw ZipPackage.Damaged(FileName,
                        $"sheet '{state.SheetName}', cell {ColumnLetters.Of(column)}{rowNumber} refers to text the file does not have");
            case "str":
            case "e":
                return TextCell(column, value);
            case "b":
                return new Cell(column, value.Trim() is "1" or "true" ? "TRUE" : "FALSE", CellKind.Text);
            case "d":
                return value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd",
                        CultureInfo.InvariantCulture, DateTimeStyles.None, out var written)
                    ? DateCell(column, written, DateStyle(style, state))
                    : TextCell(column, value);
            default:
                var raw = value.Trim();
                if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return TextCell(column, value);
                }
                if (DateStyle(style, state) is not DateShown.None and var shown && ExcelDate(number) is { } date)
                {
                    return DateCell(column, date, shown);
                }
                return new Cell(column, raw, CellKind.Number);
        }
    }

    private static Cell? TextCell(int column, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new Cell(column, text, CellKind.Text);

    /// <summary>
    /// The formula's text. A shared formula's later cells carry only its index; they are given the first cell's
    /// formula, whose references are relative to that first cell.
    /// </summary>
    private static string ReadFormula(XmlReader xml, SheetState state)
    {
        var shared = xml.GetAttribute("t") == "shared" ? xml.GetAttribute("si") : null;
        var text = xml.ReadElementContentAsString();
        if (shared is not null)
        {
            if (text.Length > 0)
            {
                state.SharedFormulas[shared] = text;
            }
            else if (state.SharedFormulas.TryGetValue(shared, out var first))
            {
                text = first;
            }
        }
        return text;
    }

    private static DateShown DateStyle(string? style, SheetState state) =>
        style is not null
        && int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < state.DateStyles.Length
            ? state.DateStyles[index]
            : DateShown.None;

    /// <summary>A date; a month's first day shown without its day is that month.</summary>
    private static Cell DateCell(int column, DateOnly date, DateShown shown) => shown == DateShown.Month && date.Day == 1
        ? new Cell(column, date.ToString("yyyy-MM", CultureInfo.InvariantCulture), CellKind.Month)
        : new Cell(column, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CellKind.Date);

    /// <summary>
    /// The calendar date of a serial number. Serials below 1 (a time of day alone) and Excel's fictitious
    /// 29 February 1900 are not dates and stay numbers.
    /// </summary>
    private DateOnly? ExcelDate(double serial)
    {
        if (double.IsNaN(serial) || serial < 1 || serial >= 2_958_466)
        {
            return null;
        }
        var days = (int)Math.Floor(serial);
        if (_date1904)
        {
            return new DateOnly(1904, 1, 1).AddDays(days);
        }
        if (days == 60)
        {
            return null;
        }
        // Excel counts 1900 as a leap year, so serials after 28 February 1900 are one day ahead.
        return days < 60 ? new DateOnly(1899, 12, 31).AddDays(days) : new DateOnly(1899, 12, 30).AddDays(days);
    }

    private T ReadPart<T>(string part, string description, Func<XmlReader, T> read, T whenMissing)
    {
        using var archive = _package.OpenArchive();
        if (ZipPackage.Find(archive, part) is not { } entry)
        {
            return whenMissing;
        }
        return ZipPackage.Guard(FileName, description, () =>
        {
            using var xml = _package.OpenXml(entry);
            return read(xml);
        });
    }

    private static string[] ReadSharedStrings(XmlReader xml)
    {
        var strings = new List<string>();
        Xml.ForEachElement(xml, "si", si => strings.Add(ReadRichText(si)));
        return [.. strings];
    }

    /// <summary>
    /// The text of an si or is element: its t, or the t of each run, joined; phonetic guides (rPh) are left out.
    /// Leaves the reader after the element.
    /// </summary>
    private static string ReadRichText(XmlReader xml)
    {
        var text = new StringBuilder();
        void Collect(XmlReader element)
        {
            switch (element.LocalName)
            {
                case "t":
                    text.Append(element.ReadElementContentAsString());
                    break;
                case "r":
                    Xml.ForEachChild(element, Collect);
                    break;
                default:
                    element.Skip();
                    break;
            }
        }
        Xml.ForEachChild(xml, Collect);
        return DecodeEscapes(text.ToString());
    }

    /// <summary>Excel writes control characters as _xHHHH_ (for example _x000D_ for a carriage return).</summary>
    private static string DecodeEscapes(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 6 < text.Length && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 6;
            }
            else
            {
                result.Append(text[i]);
            }
        }
        return result.ToString();
    }

    /// <summary>For each cell style (cellXfs index), whether its number format shows a date, and with its day or not.</summary>
    private static DateShown[] ReadDateStyles(XmlReader xml)
    {
        var customDates = new Dictionary<int, DateShown>();
        var styles = new List<DateShown>();
        static int FormatId(XmlReader element) =>
            int.TryParse(element.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "numFmt")
            {
                customDates[FormatId(xml)] = NumberFormat.Shows(xml.GetAttribute("formatCode") ?? "");
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "cellXfs")
            {
                Xml.ForEachChild(xml, xf =>
                {
                    if (xf.LocalName == "xf")
                    {
                        var format = FormatId(xf);
                        styles.Add(customDates.TryGetValue(format, out var shown) ? shown : NumberFormat.BuiltIn(format));
                    }
                    xf.Skip();
                });
                continue;
            }
            xml.Read();
        }
        return [.. styles];
    }

    private readonly record struct Relationship(string Id, string Type, string Target);

    /// <summary>The internal relationships of a part; external targets (links to other files) are dropped.</summary>
    private static List<Relationship> ReadRelationships(ZipPackage package, ZipArchive archive, string sourcePart,
        string description)
    {
        var folder = sourcePart.Contains('/', StringComparison.Ordinal) ? sourcePart[..(sourcePart.LastIndexOf('/') + 1)] : "";
        var relsPath = $"{folder}_rels/{sourcePart[folder.Length..]}.rels";
        var entry = ZipPackage.Find(archive, relsPath);
        var relationships = new List<Relationship>();
        if (entry is null)
        {
            return relationships;
        }
        ZipPackage.Guard(package.FileName, description, () =>
        {
            using var xml = package.OpenXml(entry);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                    && xml.GetAttribute("TargetMode") != "External"
                    && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Type") is { } type
                    && xml.GetAttribute("Target") is { } target)
                {
                    relationships.Add(new Relationship(id, type, Resolve(folder, target)));
                }
            }
            return true;
        });
        return relationships;
    }

    /// <summary>A relationship target as a zip entry name: absolute ("/xl/sheet1.xml") or relative to the source's folder.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }
        return string.Join('/', parts);
    }

    private static string? RelationshipId(XmlReader xml) =>
        xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
        ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
}

/// <summary>What a number format shows of a date: none (a number), a whole date, or a month without its day.</summary>
internal enum DateShown
{
    None,
    Date,
    Month,
}

/// <summary>Whether a spreadsheet number format shows a date.</summary>
internal static class NumberFormat
{
    /// <summary>Excel's built-in date and time formats, 14–22 and 45–47; 17 is "mmm-yy".</summary>
    public static DateShown BuiltIn(int id) => id switch
    {
        17 => DateShown.Month,
        (>= 14 and <= 22) or (>= 45 and <= 47) => DateShown.Date,
        _ => DateShown.None,
    };

    /// <summary>
    /// A format shows a date when it has a day or year, or a month outside a time ("mmm yy", not "h:mm" or
    /// "mm:ss"); a month with a year but no day ("mmm-yy", "mmmm yyyy") shows a month. Quoted text, [colours and
    /// conditions], and escaped or padding characters are ignored.
    /// </summary>
    public static DateShown Shows(string code)
    {
        bool day = false, month = false, year = false, hour = false, second = false;
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            switch (ch)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    i = end < 0 ? code.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                default:
                    switch (char.ToLowerInvariant(ch))
                    {
                        case 'd': day = true; break;
                        case 'm': month = true; break;
                        case 'y': year = true; break;
                        case 'h': hour = true; break;
                        case 's': second = true; break;
                        default: break;
                    }
                    break;
            }
        }
        return (day, month, year, hour || second) switch
        {
            (false, true, true, false) => DateShown.Month,
            (true, _, _, _) or (_, _, true, _) or (_, true, _, false) => DateShown.Date,
            _ => DateShown.None,
        };
    }
}
