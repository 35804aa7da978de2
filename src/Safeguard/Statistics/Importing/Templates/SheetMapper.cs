using System.Globalization;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Values;
using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing.Templates;

/// <summary>The figures a template reads from a file, with every problem found on the way.</summary>
/// <param name="Figures">The figures read, totals left out.</param>
/// <param name="Issues">Warnings, and errors up to <see cref="SheetMapper.MaxListedErrors"/>.</param>
/// <param name="RowsRead">Rows with content below the headings, footnotes included.</param>
/// <param name="ErrorCount">All errors, listed or not.</param>
internal sealed record MappedSheet(IReadOnlyList<ImportedFigure> Figures, IReadOnlyList<ImportIssue> Issues, int RowsRead, int ErrorCount)
{
    public bool HasErrors => ErrorCount > 0;
}

/// <summary>
/// Applies a template to one sheet of a workbook: finds the headings, reads each row's dimensions and figures,
/// adds up rows when the template says so, and checks total rows and columns against their parts.
/// A template that no longer fits the file says where (missing sheet, missing heading, unknown label).
/// </summary>
internal sealed class SheetMapper(TemplateDefinition template, ImportCatalogue catalogue)
{
    /// <summary>Errors beyond this many are counted, not listed, so a wholly wrong file still gives a readable report.</summary>
    public const int MaxListedErrors = 200;

    private readonly FigureParser parser = new(template.Symbols);
    private readonly List<ImportIssue> issues = [];
    private string fileName = "";
    private int errorCount;

    /// <summary>Whether the template's sheet and headings are in the workbook (reads only down to the header row).</summary>
    public static bool Fits(TemplateDefinition template, IWorkbook workbook, CancellationToken cancellationToken)
    {
        if (SheetOf(template, workbook) is not { } sheet)
        {
            return false;
        }
        var headingRows = new Dictionary<int, SheetRow>();
        foreach (var row in workbook.ReadRows(sheet, cancellationToken))
        {
            if (row.Number > template.HeaderRow)
            {
                break;
            }
            headingRows[row.Number] = row;
        }
        return headingRows.ContainsKey(template.HeaderRow) && Layout.Find(template, headingRows, out _) is not null;
    }

    /// <summary>The workbook's name for the template's sheet (matched without regard to case; default the first), or null.</summary>
    private static string? SheetOf(TemplateDefinition template, IWorkbook workbook) => template.Sheet is { } named
        ? workbook.SheetNames.FirstOrDefault(s => string.Equals(s, named, StringComparison.OrdinalIgnoreCase))
        : workbook.SheetNames.Count > 0 ? workbook.SheetNames[0] : null;

    public MappedSheet Map(IWorkbook workbook, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        issues.AddRange(workbook.Warnings);
        fileName = workbook.FileName;
        if (SheetOf(template, workbook) is not { } sheet)
        {
            Error("", $"there is no sheet named '{template.Sheet}'; the sheets are: {string.Join(", ", workbook.SheetNames.Select(s => $"'{s}'"))}");
            return Result([], 0);
        }
        var place = new SheetPlace(sheet, !IsCsv(workbook.FileName));
        var headingRows = new Dictionary<int, SheetRow>();
        Layout? layout = null;
        var figures = new Dictionary<FigureKey, Accumulated>();
        var totals = new List<TotalFigure>();
        var dataRows = 0;
        var lastLabels = new Dictionary<int, string>();
        foreach (var row in workbook.ReadRows(sheet, cancellationToken))
        {
            if (row.Number < template.HeaderRow)
            {
                headingRows[row.Number] = row;
                continue;
            }
            if (row.Number == template.HeaderRow)
            {
                headingRows[row.Number] = row;
                layout = Layout.Find(template, headingRows, out var problem);
                if (layout is null)
                {
                    Error(place.Row(row.Number), problem!);
                    return Result([], 0);
                }
                continue;
            }
            if (layout is null)
            {
                // Rows go on past the header row, which was skipped because it is empty.
                Error(place.Row(template.HeaderRow), $"row {template.HeaderRow}, where the template expects the column headings, is empty; the next row with anything in it is row {row.Number}");
                return Result([], 0);
            }
            if (++dataRows % 10_000 == 0)
            {
                rowsRead?.Report(dataRows);
            }
            if (row.Cells[0].Kind == CellKind.Text && template.StopAt.Any(stop => row.Cells[0].Text.TrimStart().StartsWith(stop, StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }
            if (row.Cells.Count == 1 && row.Cells[0].Column == 1 && !layout.ValueColumns.Any(v => v.Column == 1) && !NamesAPlace(row.Cells[0], layout))
            {
                // A title or footnote line in the first column only: not a row of figures.
                continue;
            }
            ReadRow(row, layout, place, lastLabels, figures, totals);
        }
        rowsRead?.Report(dataRows);
        if (layout is null)
        {
            Error(place.Row(template.HeaderRow), $"the sheet ends before row {template.HeaderRow}, where the template expects the column headings");
            return Result([], 0);
        }
        if (figures.Count == 0 && errorCount == 0)
        {
            Error(place.Sheet(), $"no figures were found below the headings in row {template.HeaderRow}; the sheet holds only headings or notes");
        }
        var result = figures.Values.Select(f => f.ToFigure(place)).ToList();
        CheckTotals(result, totals);
        return Result(result, dataRows);
    }

    private MappedSheet Result(List<ImportedFigure> figures, int rows) => new(figures, issues, rows, errorCount);

    /// <summary>
    /// Whether the first column, where the template reads places, names a known place (not a total): a row with
    /// nothing else is that place's figures, every one blank (not available), not a note, so that an answer that
    /// blanks a centre's figures replaces the figures given before.
    /// </summary>
    private bool NamesAPlace(Cell cell, Layout layout)
    {
        if (template.Place is not { Value: null } source || !layout.RowColumns.Any(c => c.Name == "place" && c.Column == cell.Column))
        {
            return false;
        }
        var text = cell.Text.Trim();
        return !IsTotalLabel("place", source, text) && KnownPlace(text) is not null;
    }

    /// <summary>Whether <paramref name="text"/> labels a total of the dimension rather than a value of it.</summary>
    private bool IsTotalLabel(string dimension, DimensionSource? source, string text) =>
        source?.Value is null && Memo(totalCache, (dimension, text), () => TotalLabel(source, text));

    /// <summary>The slug of the place <paramref name="text"/> names, or null when it names none.</summary>
    private string? KnownPlace(string text) => Memo(placeCache, text, () => catalogue.Place(text, template.Place!.Map));

    private void ReadRow(SheetRow row, Layout layout, SheetPlace place, Dictionary<int, string> lastLabels,
        Dictionary<FigureKey, Accumulated> figures, List<TotalFigure> totals)
    {
        // Dimensions from the row's own cells (the same for every figure in the row).
        var rowLabels = new Dictionary<string, (string Label, int Column)>();
        foreach (var (name, column, fillDown) in layout.RowColumns)
        {
            var text = row[column]?.Text.Trim();
            if (string.IsNullOrEmpty(text) && fillDown && lastLabels.TryGetValue(column, out var above))
            {
                text = above;
            }
            if (string.IsNullOrEmpty(text))
            {
                Error(place.Cell(row.Number, column), $"the {Describe(name)} is blank");
                return;
            }
            lastLabels[column] = text;
            rowLabels[name] = (text, column);
        }
        if (layout.QuarterColumn is { } quarterColumn && rowLabels.TryGetValue("period", out var year))
        {
            var quarter = row[quarterColumn]?.Text.Trim();
            rowLabels["period"] = ($"{year.Label} Q{quarter}", year.Column);
        }
        foreach (var valueColumn in layout.ValueColumns)
        {
            var labels = new Dictionary<string, (string Label, int Column)>(rowLabels);
            foreach (var (name, text) in valueColumn.Headings)
            {
                labels[name] = (text, valueColumn.Column);
            }
            var location = place.Cell(row.Number, valueColumn.Column);
            var (key, totalOf) = Resolve(labels, valueColumn, place, row.Number);
            if (key is null)
            {
                continue;
            }
            var parsed = parser.Parse(row[valueColumn.Column]);
            if (parsed.Error is not null)
            {
                Error(location, parsed.Error);
                continue;
            }
            if (totalOf is not null)
            {
                totals.Add(new TotalFigure(key, new Figure(parsed.Value, parsed.Status), location, totalOf));
                continue;
            }
            if (figures.TryGetValue(key, out var existing))
            {
                if (!template.Sum)
                {
                    Error(location, $"gives the same figure as {existing.FirstLocation} ({key.Describe()}); if rows should be added up, set \"sum\": true in the template");
                    continue;
                }
                existing.Add(parsed, row.Number);
            }
            else
            {
                figures[key] = new Accumulated(key, parsed, location, row.Number, valueColumn);
            }
        }
    }

    /// <summary>The figure's key, or null (with an error) when a label is unknown; TotalOf names the dimension a total row or column totals.</summary>
    private (FigureKey? Key, string? TotalOf) Resolve(Dictionary<string, (string Label, int Column)> labels, LayoutColumn valueColumn, SheetPlace place, int row)
    {
        string? total = null;
        string? Text(string name, DimensionSource? source) => source?.Value ?? (labels.TryGetValue(name, out var l) ? l.Label : null);
        string Where(string name) => labels.TryGetValue(name, out var l) ? place.Cell(row, l.Column) : place.Cell(row, valueColumn.Column);
        bool IsTotal(string name, DimensionSource? source, string text)
        {
            var isTotal = IsTotalLabel(name, source, text);
            if (isTotal)
            {
                total ??= name;
            }
            return isTotal;
        }

        var measureText = valueColumn.Measure ?? Text("measure", template.Measure);
        var placeText = Text("place", template.Place);
        var periodText = Text("period", template.Period);
        if (measureText is null || placeText is null || periodText is null)
        {
            Error(place.Cell(row, valueColumn.Column), "the column has no heading for the measure, place or period");
            return (null, null);
        }
        string? measure = null, placeSlug = null;
        if (valueColumn.Measure is null && IsTotal("measure", template.Measure, measureText))
        {
            measure = "(total)";
        }
        else if ((measure = Memo(measureCache, measureText, () => catalogue.Measure(measureText, template.Measure?.Map ?? []))) is null)
        {
            Error(Where("measure"), $"'{measureText}' is not a known measure; add it to the template's \"measure\" map");
            return (null, null);
        }
        if (IsTotal("place", template.Place, placeText))
        {
            placeSlug = "(total)";
        }
        else if ((placeSlug = KnownPlace(placeText)) is null)
        {
            Error(Where("place"), $"'{placeText}' is not a known place; add it to the template's \"place\" map or to the places");
            return (null, null);
        }
        var periodIsTotal = IsTotal("period", template.Period, periodText);
        var period = periodIsTotal ? (null, null) : Periods(periodText);
        if (period.Period is null && !periodIsTotal)
        {
            Error(Where("period"), period.Error!);
            return (null, null);
        }
        var parts = new List<string>();
        foreach (var (name, source) in template.Breakdowns)
        {
            var text = Text($"breakdowns.{name}", source);
            if (text is null)
            {
                Error(place.Cell(row, valueColumn.Column), $"the breakdown '{name}' has no heading here");
                return (null, null);
            }
            var dimension = $"breakdowns.{name}";
            parts.Add($"{name}={(IsTotal(dimension, source, text) ? "(total)" : Memo(breakdownCache, (dimension, text), () => Breakdown(source, text)))}");
        }
        foreach (var (name, value) in valueColumn.Breakdowns)
        {
            parts.Add($"{name}={Labels.Slug(value)}");
        }
        parts.Sort(StringComparer.Ordinal);
        return (new FigureKey(measure, placeSlug, period.Period, string.Join(';', parts)), total);
    }

    // Labels repeat down a sheet (a place on thousands of rows), so each is resolved once.
    private readonly Dictionary<string, (Period? Period, string? Error)> periodCache = [];
    private readonly Dictionary<string, string?> measureCache = [];
    private readonly Dictionary<string, string?> placeCache = [];
    private readonly Dictionary<(string Dimension, string Text), string> breakdownCache = [];
    private readonly Dictionary<(string Dimension, string Text), bool> totalCache = [];

    private static TValue Memo<TKey, TValue>(Dictionary<TKey, TValue> cache, TKey key, Func<TValue> resolve)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var value))
        {
            cache[key] = value = resolve();
        }
        return value;
    }

    /// <summary>Whether a label marks a total ("Total", "All"), unless the template maps it to something to import.</summary>
    private bool TotalLabel(DimensionSource? source, string text)
    {
        var label = Labels.Normalise(text);
        return source?.Map.Keys.Any(k => Labels.Normalise(k) == label) != true && template.TotalLabels.Any(t => Labels.Normalise(t) == label);
    }

    private (Period? Period, string? Error) Periods(string text) => Memo(periodCache, text, () => PeriodText.Parse(text, template.Period!.Format));

    private static string Breakdown(DimensionSource source, string text)
    {
        foreach (var (from, to) in source.Map)
        {
            if (Labels.Normalise(from) == Labels.Normalise(text))
            {
                return Labels.Slug(to);
            }
        }
        return Labels.Slug(text);
    }

    /// <summary>Warns where a total row or column disagrees with the sum of the figures it totals.</summary>
    private void CheckTotals(List<ImportedFigure> figures, List<TotalFigure> totals)
    {
        foreach (var total in totals.Where(t => t.Figure.HasValue && t.Figure.Status == ObservationStatus.Exact))
        {
            var parts = figures.Where(f => total.Totals(f)).ToList();
            if (parts.Count == 0)
            {
                continue;
            }
            var sum = parts.Aggregate(Figure.Exact(0), (s, f) => s + new Figure(f.Value, f.Status));
            if (sum.HasValue && sum.Status == ObservationStatus.Exact && sum.Value != total.Figure.Value)
            {
                issues.Add(ImportIssue.Warning($"{fileName}, {total.Location}",
                    string.Create(CultureInfo.InvariantCulture, $"the total {total.Figure.Value:#,0.##} does not equal the sum of its {parts.Count} parts, {sum.Value:#,0.##}")));
            }
        }
    }

    /// <summary>A figure in a total row or column: checked against its parts, never imported itself.</summary>
    private sealed record TotalFigure(FigureKey Key, Figure Figure, string Location, string TotalOf)
    {
        /// <summary>Whether a figure is one of this total's parts: the same in every dimension but the one totalled.</summary>
        public bool Totals(ImportedFigure part)
        {
            var breakdownName = TotalOf.StartsWith("breakdowns.", StringComparison.Ordinal) ? TotalOf["breakdowns.".Length..] : null;
            return (TotalOf == "measure" || part.Measure == Key.Measure)
                && (TotalOf == "place" || part.Place == Key.Place)
                && (TotalOf == "period" || part.Period == Key.Period)
                && (breakdownName is null
                    ? part.Breakdown == Key.Breakdown
                    : WithoutPart(part.Breakdown, breakdownName) == WithoutPart(Key.Breakdown, breakdownName));
        }

        private static string WithoutPart(string breakdown, string name) =>
            string.Join(';', breakdown.Split(';').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)));
    }

    /// <summary>Records an error at a place in the sheet; the file's name is put in front.</summary>
    private void Error(string location, string message)
    {
        location = location.Length == 0 ? fileName : $"{fileName}, {location}";
        errorCount++;
        if (errorCount <= MaxListedErrors)
        {
            issues.Add(ImportIssue.Error(location, message));
        }
        else if (errorCount == MaxListedErrors + 1)
        {
            issues.Add(ImportIssue.Error(location, $"and more errors; only the first {MaxListedErrors} are listed"));
        }
    }

    private static string Describe(string dimension) => dimension.StartsWith("breakdowns.", StringComparison.Ordinal)
        ? $"breakdown '{dimension["breakdowns.".Length..]}'" : dimension;

    private static bool IsCsv(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".txt";

    /// <summary>What makes a figure distinct; <see cref="Period"/> is null only for a total across periods.</summary>
    private sealed record FigureKey(string Measure, string Place, Period? Period, string Breakdown)
    {
        public string Describe() => $"{Measure}, {Place}, {Period?.Key}{(Breakdown.Length > 0 ? ", " + Breakdown : "")}";
    }

    /// <summary>A figure being read, perhaps added up over several rows.</summary>
    private sealed class Accumulated(FigureKey key, ParsedFigure first, string location, int firstRow, LayoutColumn column)
    {
        private Figure sum = new(first.Value, first.Status);
        private int rows = 1;
        private readonly int firstRow = firstRow;
        private int lastRow = firstRow;
        private string? note = first.Note;

        public string FirstLocation => location;

        public void Add(ParsedFigure figure, int atRow)
        {
            sum += new Figure(figure.Value, figure.Status);
            rows++;
            lastRow = atRow;
            if (figure.Note is not null && note != figure.Note)
            {
                note = note is null ? figure.Note : "Added up from rows with notes in the source.";
            }
        }

        public ImportedFigure ToFigure(SheetPlace place) => new(key.Measure, key.Place, key.Period!, key.Breakdown,
            sum.HasValue ? sum.Value : null, sum.Status, note,
            rows == 1 ? location : place.Sum(column.Column, column.Heading, rows, firstRow, lastRow));
    }

    /// <summary>Writes locations as a reader finds them: "sheet 'Det_D02', cell C14", or for CSV "row 14, column C".</summary>
    private sealed record SheetPlace(string SheetName, bool IsWorkbook)
    {
        public string Sheet() => IsWorkbook ? $"sheet '{SheetName}'" : "";

        public string Row(int row) => IsWorkbook ? $"sheet '{SheetName}', row {row}" : $"row {row}";

        public string Cell(int row, int column) => IsWorkbook
            ? $"sheet '{SheetName}', cell {ColumnLetters.Of(column)}{row}"
            : $"row {row}, column {ColumnLetters.Of(column)}";

        public string Sum(int column, string heading, int rows, int first, int last) =>
            string.Create(CultureInfo.InvariantCulture,
                $"{(IsWorkbook ? $"sheet '{SheetName}', " : "")}column {ColumnLetters.Of(column)} ({heading}): sum of {rows:#,0} rows from row {first} to row {last}");
    }
}
