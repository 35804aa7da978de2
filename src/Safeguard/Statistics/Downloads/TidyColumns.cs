using System.Globalization;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Downloads;

/// <summary>
/// One column of the tidy (long-form) download: its name and how to read it from a row.
/// A column holds either text or a number, never both.
/// </summary>
internal sealed class TidyColumn
{
    private readonly Func<ObservationRow, string?>? text;
    private readonly Func<ObservationRow, decimal?>? number;

    private TidyColumn(string name, Func<ObservationRow, string?>? text, Func<ObservationRow, decimal?>? number)
    {
        Name = name;
        JsonName = CamelCase(name);
        this.text = text;
        this.number = number;
    }

    /// <summary>The column name in CSV and spreadsheet headers, e.g. "measure_name".</summary>
    public string Name { get; }

    /// <summary>The property name in JSON, e.g. "measureName".</summary>
    public string JsonName { get; }

    /// <summary>Whether the column holds a number (written as a number) rather than text.</summary>
    public bool IsNumber => number is not null;

    /// <summary>The text of a text column, or null when the row has none (an absent note, say).</summary>
    public string? TextOf(ObservationRow row) =>
        text is not null ? text(row) : throw new InvalidOperationException($"Column '{Name}' holds a number, not text.");

    /// <summary>The number of a number column, or null when the figure carries none.</summary>
    public decimal? NumberOf(ObservationRow row) =>
        number is not null ? number(row) : throw new InvalidOperationException($"Column '{Name}' holds text, not a number.");

    internal static TidyColumn Text(string name, Func<ObservationRow, string?> read) => new(name, read, null);

    internal static TidyColumn Number(string name, Func<ObservationRow, decimal?> read) => new(name, null, read);

    private static string CamelCase(string snakeCase)
    {
        var words = snakeCase.Split('_');
        return string.Concat(words[0], string.Concat(words.Skip(1).Select(FigureText.SentenceCase)));
    }
}

/// <summary>
/// The single definition of the tidy download's columns, shared by the CSV, spreadsheet and JSON writers
/// so that the three formats cannot disagree.
/// </summary>
internal static class TidyColumns
{
    /// <summary>The columns in download order.</summary>
    public static IReadOnlyList<TidyColumn> All { get; } =
    [
        TidyColumn.Text("release", r => r.Release),
        TidyColumn.Text("theme", r => r.Theme),
        TidyColumn.Text("measure", r => r.Measure),
        TidyColumn.Text("measure_name", r => r.MeasureName),
        TidyColumn.Text("unit", r => r.Unit),
        TidyColumn.Text("place", r => r.Place),
        TidyColumn.Text("place_name", r => r.PlaceName),
        TidyColumn.Text("period", r => r.PeriodKey),
        TidyColumn.Text("period_start", r => FormatDate(r.PeriodStart)),
        TidyColumn.Text("period_end", r => FormatDate(r.PeriodEnd)),
        TidyColumn.Text("breakdown", r => r.Breakdown),
        TidyColumn.Number("value", r => r.Value),
        TidyColumn.Text("status", r => r.Status.Code()),
        TidyColumn.Text("display", r => r.Display),
        TidyColumn.Text("note", r => r.Note),
        TidyColumn.Text("source_title", r => r.SourceTitle),
        TidyColumn.Text("source_authority", r => r.SourceAuthority),
        TidyColumn.Text("source_reference", r => r.SourceReference),
        TidyColumn.Text("source_file", r => r.SourceFileName),
        TidyColumn.Text("source_sha256", r => r.SourceSha256),
        TidyColumn.Text("source_location", r => r.SourceLocation),
    ];

    /// <summary>
    /// A number as downloads write it: invariant culture, no thousands separator, no trailing zeros
    /// (1292.0000 gives "1292", 12.5000 gives "12.5"), never in exponent form.
    /// </summary>
    public static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A date as downloads write it: ISO 8601, "2024-12-31".</summary>
    public static string FormatDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
