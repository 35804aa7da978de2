using System.Text;

namespace Safeguard.Platform.Web.Downloads;

/// <summary>
/// CSV as every download writes it (RFC 4180: commas, CRLF line ends, quoted fields where needed) in UTF-8 with a
/// byte order mark, so that Excel shows "Yarl's Wood" and en dashes as written. Text fields are neutralised by the
/// caller (<see cref="SpreadsheetText"/>), which alone knows which fields are numbers.
/// </summary>
public static class CsvFormat
{
    /// <summary>UTF-8 with a byte order mark, so that Excel reads it as UTF-8.</summary>
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Appends one CSV row: fields separated by commas, quoted where they hold a comma, quote or line end; then CRLF.</summary>
    public static void AppendRow(StringBuilder line, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }
        line.Append("\r\n");
    }
}
