using Safeguard.Statistics.Importing.Files;

namespace Safeguard.Statistics.Importing.Templates;

/// <summary>A column of figures: its heading, and the dimensions its headings or the template fix for it.</summary>
internal sealed record LayoutColumn(int Column, string Heading, string? Measure, IReadOnlyDictionary<string, string> Breakdowns,
    IReadOnlyList<(string Name, string Text)> Headings);

/// <summary>Where a template's dimensions and figures are in a particular sheet, found from its heading rows.</summary>
internal sealed class Layout
{
    public required IReadOnlyList<(string Name, int Column, bool FillDown)> RowColumns { get; init; }

    public int? QuarterColumn { get; init; }

    public required IReadOnlyList<LayoutColumn> ValueColumns { get; init; }

    public static Layout? Find(TemplateDefinition template, IReadOnlyDictionary<int, SheetRow> headingRows, out string? problem)
    {
        problem = null;
        var header = headingRows[template.HeaderRow];
        var headings = new Dictionary<string, int>();
        foreach (var cell in header.Cells)
        {
            headings.TryAdd(Labels.Normalise(cell.Text), cell.Column);
        }
        string Missing(string heading) =>
            $"no column is headed '{heading}'; the headings in row {template.HeaderRow} are: {string.Join(", ", header.Cells.Select(c => $"'{c.Text.Trim()}'"))}";

        var rowColumns = new List<(string, int, bool)>();
        foreach (var (name, source) in template.Dimensions())
        {
            if (source?.Column is not { } heading)
            {
                continue;
            }
            if (!headings.TryGetValue(Labels.Normalise(heading), out var column))
            {
                problem = Missing(heading);
                return null;
            }
            rowColumns.Add((name, column, source.FillDown));
        }
        int? quarterColumn = null;
        if (template.Period?.QuarterColumn is { } quarterHeading)
        {
            if (!headings.TryGetValue(Labels.Normalise(quarterHeading), out var column))
            {
                problem = Missing(quarterHeading);
                return null;
            }
            quarterColumn = column;
        }
        var valueColumns = new List<LayoutColumn>();
        if (template.Layout == SheetLayout.Tidy)
        {
            foreach (var value in template.Values)
            {
                if (!headings.TryGetValue(Labels.Normalise(value.Column), out var column))
                {
                    problem = Missing(value.Column);
                    return null;
                }
                valueColumns.Add(new LayoutColumn(column, value.Column, value.Measure, value.Breakdowns, []));
            }
        }
        else
        {
            var labelColumns = rowColumns.Select(r => r.Item2).Append(quarterColumn ?? 0).ToHashSet();
            var fromHeadings = template.Dimensions().Where(d => d.Source?.HeadingRow is not null).ToList();
            var lastColumn = header.Cells[^1].Column;
            var filled = fromHeadings.ToDictionary(d => d.Name, d => FillRight(headingRows.GetValueOrDefault(d.Source!.HeadingRow!.Value), lastColumn));
            // Figures sit under the last heading row, to the right of the label columns.
            var columns = header.Cells.Select(c => c.Column).Where(c => c > labelColumns.Max());
            foreach (var column in columns)
            {
                var texts = fromHeadings.Select(d => (d.Name, Text: filled[d.Name].GetValueOrDefault(column))).ToList();
                if (texts.Any(t => string.IsNullOrWhiteSpace(t.Text)))
                {
                    continue;
                }
                valueColumns.Add(new LayoutColumn(column, string.Join(" / ", texts.Select(t => t.Text)), null,
                    new Dictionary<string, string>(), texts.Select(t => (t.Name, t.Text!)).ToList()));
            }
            if (valueColumns.Count == 0)
            {
                problem = $"no columns of figures were found: the heading rows {string.Join(", ", fromHeadings.Select(d => d.Source!.HeadingRow))} have no headings to the right of the label columns";
                return null;
            }
        }
        return new Layout { RowColumns = rowColumns, QuarterColumn = quarterColumn, ValueColumns = valueColumns };
    }

    /// <summary>A heading row with merged headings filled to the right: each column gets the last heading at or before it.</summary>
    private static Dictionary<int, string> FillRight(SheetRow? row, int lastColumn)
    {
        var filled = new Dictionary<int, string>();
        if (row is null || row.Cells.Count == 0)
        {
            return filled;
        }
        string? current = null;
        for (var column = row.Cells[0].Column; column <= lastColumn; column++)
        {
            if (row[column] is { } cell && !string.IsNullOrWhiteSpace(cell.Text))
            {
                current = cell.Text.Trim();
            }
            if (current is not null)
            {
                filled[column] = current;
            }
        }
        return filled;
    }
}
