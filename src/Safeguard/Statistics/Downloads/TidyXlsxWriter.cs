using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Platform.Web.Downloads;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Downloads;

/// <summary>
/// Writes observations as an Excel workbook (<see cref="XlsxDownload"/>): a sheet "observations" with the tidy
/// columns, one row per observation, and a sheet "about" describing the release. Values are numeric cells.
/// </summary>
internal static class TidyXlsxWriter
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
    public static Task WriteAsync(
        IEnumerable<ObservationRow> rows, IReadOnlyList<(string Label, string Text)> about, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(about);
        return XlsxDownload.WriteAsync(
            [
                (ObservationsSheet, ObservationLines(rows, cancellationToken)),
                (AboutSheet, about.Select(line => new[] { XlsxDownload.TextCell(line.Label), XlsxDownload.TextCell(line.Text) })),
            ],
            output,
            cancellationToken);
    }

    private static IEnumerable<Cell[]> ObservationLines(IEnumerable<ObservationRow> rows, CancellationToken cancellationToken)
    {
        yield return TidyColumns.All.Select(c => XlsxDownload.TextCell(c.Name)).ToArray();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return TidyColumns.All.Select(c => c.IsNumber
                ? XlsxDownload.NumberCell(c.NumberOf(row) is { } number ? TidyColumns.FormatNumber(number) : null)
                : XlsxDownload.TextCell(c.TextOf(row) ?? "")).ToArray();
        }
    }
}
