using System.Text;
using Safeguard.Platform.Web.Downloads;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Downloads;

/// <summary>
/// Writes observations as tidy CSV, in the download format every module shares (<see cref="CsvFormat"/>).
/// </summary>
internal static class TidyCsvWriter
{
    /// <summary>Writes the header row then one row per observation; leaves <paramref name="output"/> open.</summary>
    public static async Task WriteAsync(IEnumerable<ObservationRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, CsvFormat.Utf8WithBom, bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        CsvFormat.AppendRow(line, TidyColumns.All.Select(c => c.Name));
        await writer.WriteAsync(line, cancellationToken);
        foreach (var row in rows)
        {
            line.Clear();
            CsvFormat.AppendRow(line, TidyColumns.All.Select(c => Field(c, row)));
            await writer.WriteAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string Field(TidyColumn column, ObservationRow row) => column.IsNumber
        ? column.NumberOf(row) is { } number ? TidyColumns.FormatNumber(number) : ""
        : SpreadsheetText.Neutralise(column.TextOf(row) ?? "");
}
