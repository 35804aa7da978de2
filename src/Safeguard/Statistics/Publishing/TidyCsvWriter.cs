using System.Text;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Publishing;

/// <summary>
/// Writes observations as tidy CSV (RFC 4180: commas, CRLF line ends, quoted fields where needed) in UTF-8
/// with a byte order mark, so that Excel shows "Yarl's Wood" and en dashes as written.
/// </summary>
public static class TidyCsvWriter
{
    /// <summary>UTF-8 with a byte order mark, so that Excel reads it as UTF-8.</summary>
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the header row then one row per observation; leaves <paramref name="output"/> open.</summary>
    public static async Task WriteAsync(IEnumerable<ObservationRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        AppendRow(line, TidyColumns.All.Select(c => c.Name));
        await writer.WriteAsync(line, cancellationToken);
        foreach (var row in rows)
        {
            line.Clear();
            AppendRow(line, TidyColumns.All.Select(c => Field(c, row)));
            await writer.WriteAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string Field(TidyColumn column, ObservationRow row) => column.IsNumber
        ? column.NumberOf(row) is { } number ? TidyColumns.FormatNumber(number) : ""
        : SpreadsheetText.Neutralise(column.TextOf(row) ?? "");

    /// <summary>Appends one CSV row: fields separated by commas, quoted where they hold a comma, quote or line end; then CRLF.</summary>
    public static void AppendRow(StringBuilder line, IEnumerable<string> fields)
    {
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
