using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Charts;

/// <summary>
/// Draws a <see cref="BarChart"/> as an inline, accessible SVG element, the same for web pages and printed reports.
/// </summary>
/// <remarks>
/// <para>
/// The SVG is a single image (<c>role="img"</c>) named by its title and description; the figures themselves reach
/// screen readers through the data table the page builds from the same bars.
/// </para>
/// <para>
/// It carries no <c>style</c> attribute or element, because the site's Content-Security-Policy forbids inline styles.
/// Colours are presentation attributes, so the SVG looks right on its own (in a PDF), and every element has an
/// <c>sg-chart__</c> class the site stylesheet can restyle. Geometry is computed in <see cref="decimal"/> and
/// written in the invariant culture, so the same chart always gives the same bytes.
/// </para>
/// </remarks>
internal static class SvgBarChartRenderer
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Colours from the GOV.UK palette; each meets WCAG AA contrast on white (text 4.5:1, graphics 3:1).
    private const string BarColour = "#1d70b8";
    private const string TextColour = "#0b0c0c";
    private const string AxisColour = "#505a5f";
    private const string GridlineColour = "#b1b4b6";
    private const string Background = "#ffffff";
    private const string Dashes = "4 3";

    // A fixed drawing width keeps text the same size in every chart on a page; the SVG scales to its container.
    private const decimal Width = 720;
    private const decimal Margin = 8;
    private const int FontSize = 14;
    private const int TickFontSize = 12;
    // An average character at 14px in a sans-serif face; good enough to size columns without measuring text.
    private const int CharacterWidth = 7;
    // Long labels wrap to lines a little shorter than the column allows: a line of wide letters runs past the average.
    private const int WrappingCharacterWidth = 8;
    private const int MinimumLabelColumn = 80;
    private const int MaximumLabelColumn = 240;
    private const decimal LabelGap = 12;
    private const decimal BarThickness = 24;
    private const decimal LineHeight = 17;
    private const decimal RowGap = 12;
    // Moves text down from its row's middle so that its x-height sits centred on the bar.
    private const decimal BaselineShift = 5;
    private const decimal ValueGap = 6;
    private const decimal BoundCueLength = 22;
    private const decimal MinimumPlotWidth = 200;
    // Baselines of the tick labels and of the axis label, below the last row.
    private const decimal TickLabelDrop = 16;
    private const decimal AxisLabelDrop = 38;

    /// <summary>Renders the chart as an <c>&lt;svg&gt;</c> element, ready to place in HTML or a report.</summary>
    /// <exception cref="ArgumentException">The id is not a usable element id, or a bar has a negative value.</exception>
    public static string Render(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (!IsUsableId(chart.Id))
        {
            throw new ArgumentException(
                $"The chart id \"{chart.Id}\" cannot prefix element ids: use an ASCII letter followed by letters, digits, '-' or '_' (\"gap-chart\").",
                nameof(chart));
        }
        var negative = chart.Bars.FirstOrDefault(bar => bar.Status.HasValue() && bar.Value < 0);
        if (negative is not null)
        {
            throw new ArgumentException(
                $"The bar \"{negative.Label}\" in chart \"{chart.Id}\" has a negative value; bars are drawn from zero, so only counts and other non-negative figures can be charted.",
                nameof(chart));
        }

        var titleId = $"{chart.Id}-title";
        var descriptionId = $"{chart.Id}-desc";
        var svg = Element("svg",
            new XAttribute("class", "sg-chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descriptionId}"),
            new XAttribute("focusable", "false"),
            new XAttribute("width", "100%"),
            new XAttribute("font-family", "Arial, Helvetica, sans-serif"),
            new XAttribute("font-size", FontSize),
            Element("title", new XAttribute("id", titleId), chart.Title),
            Element("desc", new XAttribute("id", descriptionId), chart.Description));
        if (chart.Bars.Any(bar => bar.Status == ObservationStatus.Estimated && HasValue(bar)))
        {
            svg.Add(Element("defs", HatchPattern(chart.Id)));
        }

        var height = chart.Bars.Count == 0 ? DrawNoFigures(svg) : DrawBars(svg, chart);
        svg.Add(new XAttribute("viewBox", $"0 0 {Number(Width)} {Number(height)}"));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static decimal DrawNoFigures(XElement svg)
    {
        svg.Add(Text("sg-chart__empty", Margin, Margin + LineHeight, "No figures", TextColour));
        return Margin + LineHeight + Margin + BaselineShift;
    }

    private static decimal DrawBars(XElement svg, BarChart chart)
    {
        var labelColumn = Math.Clamp(chart.Bars.Max(bar => bar.Label.Length) * CharacterWidth, MinimumLabelColumn, MaximumLabelColumn);
        var labelRight = Margin + labelColumn;
        var plotLeft = labelRight + LabelGap;
        var valued = chart.Bars.Where(HasValue).ToList();
        var scale = ValueScale.For(valued.Count == 0 ? 0 : valued.Max(bar => bar.Value!.Value));
        var plotWidth = PlotWidth(valued, scale, Width - Margin - plotLeft);

        var gridlines = Element("g", new XAttribute("class", "sg-chart__gridlines"), new XAttribute("stroke", GridlineColour), new XAttribute("stroke-width", 1));
        var rows = Element("g", new XAttribute("class", "sg-chart__rows"));
        var ticks = Element("g", new XAttribute("class", "sg-chart__ticks"), new XAttribute("fill", AxisColour), new XAttribute("font-size", TickFontSize), new XAttribute("text-anchor", "middle"));
        svg.Add(gridlines, rows);

        var y = Margin;
        foreach (var bar in chart.Bars)
        {
            var lines = WrapLabel(bar.Label, labelColumn / (bar.Label.Length * CharacterWidth > labelColumn ? WrappingCharacterWidth : CharacterWidth));
            var rowHeight = Math.Max(BarThickness, lines.Count * LineHeight) + RowGap;
            var middle = y + (rowHeight / 2);
            rows.Add(DrawRow(chart.Id, bar, lines, labelRight, plotLeft, plotWidth * (bar.Value ?? 0) / scale.Maximum, middle));
            y += rowHeight;
        }
        var plotBottom = y;

        if (valued.Count == 0)
        {
            // Nothing has a number, so a value axis would only suggest a scale that measures nothing.
            return plotBottom + Margin;
        }

        for (var tick = 0m; tick <= scale.Maximum; tick += scale.Step)
        {
            var x = plotLeft + (plotWidth * tick / scale.Maximum);
            if (tick > 0)
            {
                gridlines.Add(Line("sg-chart__gridline", x, Margin, x, plotBottom));
            }
            ticks.Add(Element("text",
                new XAttribute("class", "sg-chart__tick"),
                new XAttribute("x", Number(x)),
                new XAttribute("y", Number(plotBottom + TickLabelDrop)),
                FigureText.Number(tick)));
        }
        svg.Add(
            Line("sg-chart__axis", plotLeft, Margin, plotLeft, plotBottom, new XAttribute("stroke", AxisColour), new XAttribute("stroke-width", 1)),
            ticks,
            Element("text",
                new XAttribute("class", "sg-chart__axis-label"),
                new XAttribute("x", Number(plotLeft + (plotWidth / 2))),
                new XAttribute("y", Number(plotBottom + AxisLabelDrop)),
                new XAttribute("text-anchor", "middle"),
                new XAttribute("fill", TextColour),
                chart.ValueAxisLabel));
        return plotBottom + AxisLabelDrop + Margin + BaselineShift;
    }

    /// <summary>
    /// As wide as the plot can be while the text after every bar (and the cue after an "at least" bar) still fits,
    /// so that long text beside a short bar takes no room from the bars.
    /// </summary>
    private static decimal PlotWidth(IEnumerable<ChartBar> valued, ValueScale scale, decimal available)
    {
        // Half the last tick label, which is centred on the plot's right edge.
        var width = available - (FigureText.Number(scale.Maximum).Length * TickFontSize / 4m) - ValueGap;
        foreach (var bar in valued.Where(bar => bar.Value > 0))
        {
            var after = (bar.Display.Length * CharacterWidth) + ValueGap + (bar.Status == ObservationStatus.AtLeast ? BoundCueLength : 0);
            width = Math.Min(width, (available - after) * scale.Maximum / bar.Value!.Value);
        }
        // Past this, text that long overflows rather than squeezing the bars to nothing.
        return Math.Max(width, MinimumPlotWidth);
    }

    private static XElement DrawRow(string chartId, ChartBar bar, IReadOnlyList<string> lines, decimal labelRight, decimal plotLeft, decimal length, decimal middle)
    {
        var row = Element("g", new XAttribute("class", $"sg-chart__row sg-chart__row--{bar.Status.Code()}"));

        var label = Element("text",
            new XAttribute("class", "sg-chart__label"),
            new XAttribute("x", Number(labelRight)),
            new XAttribute("y", Number(middle + BaselineShift)),
            new XAttribute("text-anchor", "end"),
            new XAttribute("fill", TextColour));
        if (lines.Count == 1)
        {
            label.Add(lines[0]);
        }
        else
        {
            var first = middle + BaselineShift - ((lines.Count - 1) * LineHeight / 2);
            label.Add(lines.Select((line, index) => Element("tspan",
                new XAttribute("x", Number(labelRight)),
                new XAttribute("y", Number(first + (index * LineHeight))),
                line)));
        }
        row.Add(label);

        if (!HasValue(bar))
        {
            row.Add(Text("sg-chart__value sg-chart__value--missing", plotLeft + ValueGap, middle + BaselineShift, bar.Display, AxisColour));
            return row;
        }

        var rect = Element("rect",
            new XAttribute("class", $"sg-chart__bar sg-chart__bar--{bar.Status.Code()}"),
            new XAttribute("x", Number(plotLeft)),
            new XAttribute("y", Number(middle - (BarThickness / 2))),
            new XAttribute("width", Number(length)),
            new XAttribute("height", Number(BarThickness)));
        switch (bar.Status)
        {
            case ObservationStatus.AtMost:
                // Drawn as an outline: the true figure lies somewhere inside it.
                rect.Add(new XAttribute("fill", Background), new XAttribute("stroke", BarColour), new XAttribute("stroke-width", 2), new XAttribute("stroke-dasharray", Dashes));
                break;
            case ObservationStatus.Estimated:
                rect.Add(new XAttribute("fill", $"url(#{HatchId(chartId)})"), new XAttribute("stroke", BarColour), new XAttribute("stroke-width", 1));
                break;
            default:
                rect.Add(new XAttribute("fill", BarColour));
                break;
        }
        row.Add(rect);

        var end = plotLeft + length;
        if (bar.Status == ObservationStatus.AtLeast)
        {
            // A dashed arrow past the end of the bar: the true figure may be higher.
            var tip = end + BoundCueLength;
            row.Add(Element("g",
                new XAttribute("class", "sg-chart__bound sg-chart__bound--at-least"),
                new XAttribute("fill", "none"),
                new XAttribute("stroke", BarColour),
                new XAttribute("stroke-width", 2),
                Line(null, end, middle, tip - 1, middle, new XAttribute("stroke-dasharray", Dashes)),
                Element("path", new XAttribute("d", $"M {Number(tip - 6)} {Number(middle - 5)} L {Number(tip)} {Number(middle)} L {Number(tip - 6)} {Number(middle + 5)}"))));
            end = tip;
        }
        row.Add(Text("sg-chart__value", end + ValueGap, middle + BaselineShift, bar.Display, TextColour));
        return row;
    }

    private static XElement HatchPattern(string chartId) => Element("pattern",
        new XAttribute("id", HatchId(chartId)),
        new XAttribute("class", "sg-chart__hatch"),
        new XAttribute("patternUnits", "userSpaceOnUse"),
        new XAttribute("width", 6),
        new XAttribute("height", 6),
        new XAttribute("patternTransform", "rotate(45)"),
        Element("rect", new XAttribute("width", 6), new XAttribute("height", 6), new XAttribute("fill", Background)),
        Line(null, 3, 0, 3, 6, new XAttribute("stroke", BarColour), new XAttribute("stroke-width", 3)));

    private static string HatchId(string chartId) => $"{chartId}-estimated";

    private static bool HasValue(ChartBar bar) => bar.Status.HasValue() && bar.Value is not null;

    /// <summary>Breaks a label at spaces into lines of at most <paramref name="width"/> characters; a longer word is cut.</summary>
    internal static IReadOnlyList<string> WrapLabel(string label, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            if (line.Length > 0 && line.Length + 1 + rest.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            while (rest.Length > width)
            {
                lines.Add(rest[..width]);
                rest = rest[width..];
            }
            line.Append(line.Length > 0 ? " " : "").Append(rest);
        }
        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    private static bool IsUsableId(string id) =>
        id.Length > 0 && char.IsAsciiLetter(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static XElement Element(string name, params object?[] content) => new(Svg + name, content);

    private static XElement Text(string className, decimal x, decimal y, string text, string fill) => Element("text",
        new XAttribute("class", className),
        new XAttribute("x", Number(x)),
        new XAttribute("y", Number(y)),
        new XAttribute("fill", fill),
        text);

    private static XElement Line(string? className, decimal x1, decimal y1, decimal x2, decimal y2, params object?[] more) => Element("line",
        className is null ? null : new XAttribute("class", className),
        new XAttribute("x1", Number(x1)),
        new XAttribute("y1", Number(y1)),
        new XAttribute("x2", Number(x2)),
        new XAttribute("y2", Number(y2)),
        more);

    private static string Number(decimal value) => decimal.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>The value axis: a "nice" maximum (1, 2, 2.5 or 5 times a power of ten) and the step between its ticks.</summary>
internal readonly record struct ValueScale(decimal Maximum, decimal Step)
{
    /// <summary>
    /// The smallest nice maximum at or above <paramref name="largest"/>, never below 1: tick labels are shown
    /// to one decimal place, so a finer axis could not be labelled truthfully.
    /// </summary>
    public static ValueScale For(decimal largest)
    {
        for (var power = 1m; ; power *= 10)
        {
            // Four or five ticks after zero for every mantissa.
            foreach (var (mantissa, step) in new[] { (1m, 0.2m), (2m, 0.5m), (2.5m, 0.5m), (5m, 1m) })
            {
                if (mantissa * power >= largest)
                {
                    return new ValueScale(mantissa * power, step * power);
                }
            }
        }
    }
}
