using System.Buffers;
using System.Text;
using Sylvan.Data.Csv;

namespace Safeguard.Statistics.Importing.Files;

/// <summary>
/// A CSV file as a workbook of one sheet, named after the file without its extension ("people.csv" → "people").
/// <para>
/// Rows are numbered by CSV record, counting from 1, which is the row a spreadsheet shows when it opens the file:
/// a quoted field that spans lines is one record and one row. Every cell is <see cref="CellKind.Text"/>, as the
/// file holds it; a field of only spaces counts as empty.
/// </para>
/// <para>
/// Encoding: a byte order mark (UTF-8, UTF-16 LE or BE) is honoured and stripped; otherwise the file must be UTF-8,
/// except that a file with no UTF-8 multi-byte character at all is read as Windows-1252 (what Excel on Windows
/// writes for "CSV") with a warning. A file that mixes the two is refused, naming the first line that is not UTF-8.
/// </para>
/// <para>The delimiter is a comma, or a semicolon or tab when the first line has one of those and no other.</para>
/// </summary>
internal sealed class CsvWorkbook : IWorkbook
{
    /// <summary>A record longer than this (in characters) is almost always a quote mark left open.</summary>
    private const int MaxRecordChars = 4 * 1024 * 1024;

    private readonly byte[] _content;
    private readonly int _start;
    private readonly Encoding _encoding;
    private readonly char _delimiter;
    private readonly ImportLimits _limits;
    private readonly ReadAllowance _cells;

    private CsvWorkbook(string fileName, byte[] content, int start, Encoding encoding, ImportLimits limits,
        IReadOnlyList<ImportIssue> warnings)
    {
        FileName = fileName;
        _content = content;
        _start = start;
        _encoding = encoding;
        _limits = limits;
        _cells = new ReadAllowance(limits.MaxCells, () => LimitMessages.TooManyCells(fileName, limits.MaxCells));
        Warnings = warnings;
        var name = Path.GetFileNameWithoutExtension(fileName);
        SheetNames = [name.Length > 0 ? name : fileName];
        _delimiter = DetectDelimiter();
    }

    public string FileName { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public IReadOnlyList<ImportIssue> Warnings { get; }

    /// <summary>Decides the encoding (see the class notes) and opens the file; rows are read later.</summary>
    public static CsvWorkbook Open(string fileName, byte[] content, ImportLimits limits)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var bad = Utf8Scan.Run(bytes[3..]);
            if (bad.FirstInvalidLine > 0)
            {
                throw new ImportFileException(
                    $"{fileName} line {bad.FirstInvalidLine} is not valid UTF-8 (byte 0x{bad.FirstInvalidByte:X2}), " +
                    "although the file starts with the UTF-8 mark; save it as UTF-8");
            }
            return new CsvWorkbook(fileName, content, 3, StrictUtf8, limits, []);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new CsvWorkbook(fileName, content, 2, new UnicodeEncoding(false, false, true), limits, []);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new CsvWorkbook(fileName, content, 2, new UnicodeEncoding(true, false, true), limits, []);
        }

        var scan = Utf8Scan.Run(bytes);
        if (scan.FirstInvalidLine == 0)
        {
            return new CsvWorkbook(fileName, content, 0, StrictUtf8, limits, []);
        }
        if (scan.FirstMultiByteLine > 0)
        {
            var where = scan.FirstMultiByteLine < scan.FirstInvalidLine ? "earlier lines are"
                : scan.FirstMultiByteLine == scan.FirstInvalidLine ? "other characters on that line are"
                : $"line {scan.FirstMultiByteLine} is";
            throw new ImportFileException(
                $"{fileName} line {scan.FirstInvalidLine} is not valid UTF-8 (byte 0x{scan.FirstInvalidByte:X2}), " +
                $"but {where}: the file mixes encodings; save it as UTF-8");
        }
        var warning = ImportIssue.Warning(fileName,
            "the file is not UTF-8, so it was read as Windows-1252 (what Excel on Windows saves as CSV); " +
            "check that letters such as é and symbols such as £ look right, or save it as \"CSV UTF-8\"");
        return new CsvWorkbook(fileName, content, 0, Windows1252, limits, [warning]);
    }

    public IEnumerable<SheetRow> ReadRows(string sheetName, CancellationToken cancellationToken)
    {
        if (!string.Equals(sheetName, SheetNames[0], StringComparison.Ordinal))
        {
            throw new ImportFileException($"{FileName} has no sheet named '{sheetName}'; a CSV file has one sheet, '{SheetNames[0]}'");
        }
        return ReadRecords(cancellationToken);
    }

    private IEnumerable<SheetRow> ReadRecords(CancellationToken cancellationToken)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = _delimiter,
            CsvStyle = CsvStyle.Lax,
            // '#' starts a comment by default; in a statistics table it is just a character.
            Comment = '\0',
            MaxBufferSize = MaxRecordChars,
        };
        using var text = OpenText();
        using var csv = CsvDataReader.Create(text, options);
        var record = 0;
        var rows = 0;
        long cells = 0;
        while (Next(csv, record + 1))
        {
            record++;
            cancellationToken.ThrowIfCancellationRequested();
            List<Cell>? row = null;
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                var field = csv.GetFieldSpan(i);
                if (!field.IsWhiteSpace())
                {
                    (row ??= []).Add(new Cell(i + 1, field.ToString(), CellKind.Text));
                }
            }
            if (row is null)
            {
                continue;
            }
            if (++rows > _limits.MaxRows)
            {
                throw LimitMessages.TooManyRows(FileName, SheetNames[0], _limits.MaxRows);
            }
            cells += row.Count;
            _cells.Charge(SheetNames[0], cells);
            yield return new SheetRow(record, row);
        }
    }

    private bool Next(CsvDataReader csv, int record)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw new ImportFileException(
                $"{FileName} row {record} is longer than {LimitMessages.Count(MaxRecordChars)} characters; " +
                "a quote mark (\") is probably left open");
        }
        catch (CsvFormatException)
        {
            throw new ImportFileException($"{FileName} row {record} is not valid CSV; check its quote marks (\")");
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(
                $"{FileName} is not valid {_encoding.WebName.ToUpperInvariant()} near row {record}, although it starts " +
                "with the mark of that encoding; save it as UTF-8");
        }
    }

    private StreamReader OpenText() => new(
        new MemoryStream(_content, _start, _content.Length - _start, writable: false),
        _encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);

    private char DetectDelimiter()
    {
        using var text = OpenText();
        var buffer = new char[16 * 1024];
        int read;
        try
        {
            read = text.ReadBlock(buffer, 0, buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return ',';
        }
        var firstLine = buffer.AsSpan(0, read);
        var end = firstLine.IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            firstLine = firstLine[..end];
        }
        var comma = firstLine.Contains(',');
        var semicolon = firstLine.Contains(';');
        var tab = firstLine.Contains('\t');
        return !comma && semicolon && !tab ? ';'
            : !comma && tab && !semicolon ? '\t'
            : ',';
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    public void Dispose()
    {
        // The content is in memory and each pass opens (and closes) its own readers.
    }

    /// <summary>Where a file stops being UTF-8, and whether it ever was, by line (counting from 1; 0 = never).</summary>
    private readonly record struct Utf8Scan(int FirstInvalidLine, byte FirstInvalidByte, int FirstMultiByteLine)
    {
        public static Utf8Scan Run(ReadOnlySpan<byte> bytes)
        {
            var line = 1;
            var position = 0;
            var invalidLine = 0;
            byte invalidByte = 0;
            var multiByteLine = 0;
            while (position < bytes.Length)
            {
                var rest = bytes[position..];
                var next = rest.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (next < 0)
                {
                    break;
                }
                line += rest[..next].Count((byte)'\n');
                position += next;
                var status = System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed);
                if (status == OperationStatus.Done)
                {
                    if (multiByteLine == 0)
                    {
                        multiByteLine = line;
                    }
                }
                else if (invalidLine == 0)
                {
                    invalidLine = line;
                    invalidByte = bytes[position];
                }
                if (invalidLine > 0 && multiByteLine > 0)
                {
                    break;
                }
                position += Math.Max(consumed, 1);
            }
            return new Utf8Scan(invalidLine, invalidByte, multiByteLine);
        }
    }
}
