using System.Text.Json;
using System.Text.Json.Serialization;
using Safeguard.Statistics.Importing.Values;

namespace Safeguard.Statistics.Importing.Templates;

/// <summary>How the rows of a sheet are laid out.</summary>
internal enum SheetLayout
{
    /// <summary>One figure per row (per value column): every dimension is a column or fixed.</summary>
    Tidy,
    /// <summary>FOI style: some dimensions run across the columns, read from heading rows; every other cell is a figure.</summary>
    Wide,
}

/// <summary>
/// Where one dimension of a figure (measure, place, period or a breakdown) comes from: a fixed value, the cell
/// of the row under a heading, or (wide layouts) the heading row above the figure's column.
/// </summary>
internal sealed record DimensionSource
{
    /// <summary>The same for every figure, e.g. a measure slug.</summary>
    public string? Value { get; init; }

    /// <summary>The heading of the column holding it (in <see cref="TemplateDefinition.HeaderRow"/>).</summary>
    public string? Column { get; init; }

    /// <summary>Wide layouts: the row number (from 1) whose heading above a figure's column holds it. Merged headings fill to the right.</summary>
    public int? HeadingRow { get; init; }

    /// <summary>Periods only: a second column holding the quarter (1–4) while <see cref="Column"/> holds the year.</summary>
    public string? QuarterColumn { get; init; }

    /// <summary>Periods only.</summary>
    public PeriodFormat Format { get; init; } = PeriodFormat.Auto;

    /// <summary>Source labels to slugs ("HM Prisons" → "prison-estate"); labels not here are matched by name, then by slug.</summary>
    public Dictionary<string, string> Map { get; init; } = [];

    /// <summary>An empty cell repeats the one above (row labels merged downwards).</summary>
    public bool FillDown { get; init; }
}

/// <summary>A column of figures in a tidy layout, optionally fixing the measure or breakdowns for its figures.</summary>
internal sealed record ValueColumn
{
    public required string Column { get; init; }

    /// <summary>The measure of every figure in this column, overriding the template's.</summary>
    public string? Measure { get; init; }

    /// <summary>Breakdowns of every figure in this column, e.g. { "claim": "asylum" }.</summary>
    public Dictionary<string, string> Breakdowns { get; init; } = [];
}

/// <summary>
/// A saved mapping from a spreadsheet layout to figures, stored as JSON. See docs/importing.md for the format,
/// with examples; the templates shipped for the Home Office tables are in <c>Templates/Shipped</c>.
/// </summary>
internal sealed record TemplateDefinition
{
    public required string Name { get; init; }

    /// <summary>The series of answers this reads, e.g. "Home Office detention statistics: Det_D02".</summary>
    public required string Series { get; init; }

    public string? Description { get; init; }

    public SheetLayout Layout { get; init; } = SheetLayout.Tidy;

    /// <summary>The sheet by name; default the first. Ignored for CSV.</summary>
    public string? Sheet { get; init; }

    /// <summary>The row (from 1) holding the column headings; figures start below it.</summary>
    public int HeaderRow { get; init; } = 1;

    public DimensionSource? Measure { get; init; }

    public DimensionSource? Place { get; init; }

    public DimensionSource? Period { get; init; }

    /// <summary>Breakdowns by name ("reason-for-leaving"), each from a column, a heading row or fixed.</summary>
    public Dictionary<string, DimensionSource> Breakdowns { get; init; } = [];

    /// <summary>Tidy layouts: the columns holding figures.</summary>
    public List<ValueColumn> Values { get; init; } = [];

    /// <summary>Add up rows that give the same figure (a table with more detail than is published); otherwise such rows are an error.</summary>
    public bool Sum { get; init; }

    /// <summary>Labels of total rows and columns: checked against their parts (a warning when they disagree), not imported unless mapped.</summary>
    public List<string> TotalLabels { get; init; } = ["Total", "All", "Grand total"];

    /// <summary>What symbols mean in this series, overriding the defaults: a status code or "zero".</summary>
    public Dictionary<string, string> Symbols { get; init; } = [];

    /// <summary>Rows whose first cell starts with one of these end the table (footnotes).</summary>
    public List<string> StopAt { get; init; } = ["Source", "Note", "Notes", "Footnote"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads and checks a template; the exception's message says what is wrong and where.</summary>
    public static TemplateDefinition Parse(string json, string origin)
    {
        TemplateDefinition? template;
        try
        {
            template = JsonSerializer.Deserialize<TemplateDefinition>(json, JsonOptions);
        }
        catch (JsonException failure)
        {
            throw new TemplateException($"{origin}: {failure.Message}");
        }
        if (template is null)
        {
            throw new TemplateException($"{origin}: the file holds no template.");
        }
        var problems = template.Problems().ToList();
        return problems.Count == 0 ? template : throw new TemplateException($"{origin}: {string.Join(" ", problems)}");
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 80)
        {
            yield return "\"name\" must be 1 to 80 characters.";
        }
        if (HeaderRow < 1)
        {
            yield return "\"headerRow\" counts from 1.";
        }
        foreach (var (name, source) in Dimensions())
        {
            if (source is null)
            {
                yield return $"\"{name}\" is missing: say where it comes from (\"value\", \"column\" or \"headingRow\").";
                continue;
            }
            var ways = new[] { source.Value is not null, source.Column is not null, source.HeadingRow is not null }.Count(b => b);
            if (ways != 1 && !(name == "measure" && ways == 0 && Values.Count > 0 && Values.All(v => v.Measure is not null)))
            {
                yield return $"\"{name}\" must have exactly one of \"value\", \"column\" or \"headingRow\".";
            }
            if (source.HeadingRow is { } row && (Layout != SheetLayout.Wide || row < 1 || row > HeaderRow))
            {
                yield return $"\"{name}\".headingRow is only for wide layouts, and must be a row from 1 to the header row ({HeaderRow}).";
            }
        }
        if (Layout == SheetLayout.Tidy && Values.Count == 0)
        {
            yield return "A tidy layout needs \"values\": the columns holding figures.";
        }
        if (Layout == SheetLayout.Wide && Values.Count > 0)
        {
            yield return "A wide layout takes its figures from every cell under a heading; leave \"values\" out.";
        }
        if (Layout == SheetLayout.Wide && !Dimensions().Any(d => d.Source?.HeadingRow is not null))
        {
            yield return "A wide layout needs at least one dimension read from a heading row (\"headingRow\").";
        }
        foreach (var (symbol, meaning) in Symbols)
        {
            if (!FigureParser.IsSymbolMeaning(meaning))
            {
                yield return $"The symbol '{symbol}' means '{meaning}', which is not {FigureParser.SymbolMeanings}.";
            }
        }
    }

    /// <summary>Every dimension with its name as a template writes it.</summary>
    public IEnumerable<(string Name, DimensionSource? Source)> Dimensions()
    {
        yield return ("measure", Measure ?? (Values.Count > 0 && Values.All(v => v.Measure is not null) ? new DimensionSource() : null));
        yield return ("place", Place);
        yield return ("period", Period);
        foreach (var (name, source) in Breakdowns)
        {
            yield return ($"breakdowns.{name}", source);
        }
    }
}

/// <summary>A template that cannot be used as written.</summary>
internal sealed class TemplateException(string message) : Exception(message);
