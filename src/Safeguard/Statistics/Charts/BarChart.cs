using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Charts;

/// <summary>
/// A horizontal bar chart of figures, drawn by <see cref="SvgBarChartRenderer"/> and shown beside a data table
/// built from the same <see cref="Bars"/>, so that a reader who cannot see the chart loses nothing.
/// </summary>
/// <param name="Id">
/// Unique within the page or report ("gap-chart"); the chart's element ids are derived from it,
/// so it must be a valid XML name without a colon (letters, digits, '-', '_', '.', not starting with a digit).
/// </param>
/// <param name="Title">What the chart is, as a screen reader announces it ("Rule 35 reports and outcomes, 2024").</param>
/// <param name="Description">One or two sentences summarising what the chart shows, for screen readers.</param>
/// <param name="ValueAxisLabel">What the bars count ("reports or documents"), written under the value axis.</param>
/// <param name="Bars">The bars, top to bottom, in the order the reader should meet them.</param>
internal sealed record BarChart(string Id, string Title, string Description, string ValueAxisLabel, IReadOnlyList<ChartBar> Bars);

/// <summary>One bar: a labelled figure with its status.</summary>
/// <param name="Label">What the bar measures ("Rule 35(1) reports").</param>
/// <param name="Value">The number, or null when the status carries none (suppressed, not held, not applicable).</param>
/// <param name="Status">How far the figure can be trusted; bounds and estimates are drawn differently from exact figures.</param>
/// <param name="Display">The figure in words, as the page shows it: as <see cref="Reading.FigureText"/> writes it ("at least 1,340", "£101.61").</param>
internal sealed record ChartBar(string Label, decimal? Value, ObservationStatus Status, string Display);
