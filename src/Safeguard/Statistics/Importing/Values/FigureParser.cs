using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Importing.Values;

/// <summary>A cell read as a figure: a value (or none) and how sure it is, or why it could not be read.</summary>
internal readonly record struct ParsedFigure(decimal? Value, ObservationStatus Status, string? Note, string? Error)
{
    public static ParsedFigure Of(decimal? value, ObservationStatus status, string? note = null) => new(value, status, note, null);

    public static ParsedFigure Invalid(string error) => new(null, ObservationStatus.NotAvailable, null, error);
}

/// <summary>
/// Reads the way FOI answers and official tables write figures: thousands separators, bounds ("at least 1,340",
/// "&lt;5"), the GSS symbols ("[c]", "[x]", "[z]", "[u]"), the Home Office's ":" and "..", "not held", and blanks.
/// Every symbol becomes a status; an unknown never becomes a zero. A template may say what a symbol means in its
/// series (a status code, or "zero"), which wins over these defaults.
/// </summary>
internal sealed partial class FigureParser
{
    /// <summary>What a symbol means when the template does not say; each status carries no value.</summary>
    private static readonly Dictionary<string, (ObservationStatus Status, string Note)> DefaultSymbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["*"] = (ObservationStatus.Suppressed, "Suppressed in the source (*)."),
        ["[c]"] = (ObservationStatus.Suppressed, "Confidential in the source ([c])."),
        ["c"] = (ObservationStatus.Suppressed, "Confidential in the source (c)."),
        [":"] = (ObservationStatus.NotAvailable, "Not available in the source (:)."),
        [".."] = (ObservationStatus.NotAvailable, "Not available in the source (..)."),
        ["x"] = (ObservationStatus.NotAvailable, "Not available in the source (x)."),
        ["[x]"] = (ObservationStatus.NotAvailable, "Not available in the source ([x])."),
        ["-"] = (ObservationStatus.NotAvailable, "Shown as '-' in the source, which can mean nil or not available; check the source's notes."),
        ["[z]"] = (ObservationStatus.NotApplicable, "Not applicable in the source ([z])."),
        ["z"] = (ObservationStatus.NotApplicable, "Not applicable in the source (z)."),
        ["n/a"] = (ObservationStatus.NotApplicable, "Not applicable in the source (n/a)."),
        ["[u]"] = (ObservationStatus.NotAvailable, "Marked as low reliability in the source ([u]) with no figure."),
        ["not held"] = (ObservationStatus.NotHeld, "The authority said it does not hold this information."),
        ["information not held"] = (ObservationStatus.NotHeld, "The authority said it does not hold this information."),
        ["data not held"] = (ObservationStatus.NotHeld, "The authority said it does not hold this information."),
        ["nil"] = (ObservationStatus.Exact, "Nil in the source."),
    };

    private readonly Dictionary<string, string> overrides;

    /// <param name="symbols">The template's meanings for symbols: a status code ("suppressed") or "zero".</param>
    public FigureParser(IReadOnlyDictionary<string, string>? symbols = null)
    {
        overrides = new(symbols ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (symbol, meaning) in overrides)
        {
            if (!IsSymbolMeaning(meaning))
            {
                throw new ArgumentException($"The symbol '{symbol}' is given the meaning '{meaning}', which is not {SymbolMeanings}.", nameof(symbols));
            }
        }
    }

    /// <summary>
    /// Whether a template may give a symbol this meaning: "zero", or a status that carries no number. A symbol has
    /// no number, so "exact" or a bound would make a figure with a status that promises a value and none to show.
    /// </summary>
    public static bool IsSymbolMeaning(string meaning) =>
        meaning == "zero" || (ObservationStatuses.TryParseCode(meaning, out var status) && !status.HasValue());

    /// <summary>The meanings a symbol may have, for messages.</summary>
    public static string SymbolMeanings { get; } =
        $"a status without a number ({string.Join(", ", Enum.GetValues<ObservationStatus>().Where(s => !s.HasValue()).Select(s => s.Code()))}) or \"zero\"";

    /// <summary>Reads a cell; <paramref name="cell"/> is null for an empty cell, which is "not available", never zero.</summary>
    public ParsedFigure Parse(Cell? cell)
    {
        if (cell is not { } present || string.IsNullOrWhiteSpace(present.Text))
        {
            return ParsedFigure.Of(null, ObservationStatus.NotAvailable, "Blank in the source.");
        }
        return present.Kind switch
        {
            CellKind.Number => decimal.TryParse(present.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? ParsedFigure.Of(number, ObservationStatus.Exact)
                : ParsedFigure.Invalid($"the number '{present.Text}' is too large or malformed"),
            CellKind.Date or CellKind.Month => ParsedFigure.Invalid($"'{present.Text}' is a date, not a figure"),
            CellKind.FormulaWithoutResult => ParsedFigure.Invalid(
                $"the cell holds the formula '{present.Text}' with no saved result; formulas are never evaluated, so open the file in a spreadsheet program and save it to store the results"),
            _ => ParseText(present.Text),
        };
    }

    private ParsedFigure ParseText(string raw)
    {
        // Most cells are plain whole numbers: read them without the patterns below.
        if (raw.Length is > 0 and <= 18 && raw.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return ParsedFigure.Of(long.Parse(raw, CultureInfo.InvariantCulture), ObservationStatus.Exact);
        }
        var text = WhiteSpace().Replace(raw.Trim(), " ");
        var noteMarkers = NoteMarker().Matches(text).Select(m => m.Value).ToList();
        if (noteMarkers.Count > 0)
        {
            text = NoteMarker().Replace(text, "").Trim();
        }
        var parsed = ParseBare(text, raw);
        return noteMarkers.Count > 0 && parsed.Error is null
            ? parsed with { Note = Join(parsed.Note, $"The source refers to {string.Join(", ", noteMarkers)}.") }
            : parsed;
    }

    private ParsedFigure ParseBare(string text, string raw)
    {
        if (overrides.TryGetValue(text, out var meaning))
        {
            return meaning == "zero"
                ? ParsedFigure.Of(0, ObservationStatus.Exact, $"Shown as '{text}' in the source, which this series uses for nil.")
                : ParsedFigure.Of(null, ObservationStatuses.TryParseCode(meaning, out var status) ? status : ObservationStatus.NotAvailable, $"Shown as '{text}' in the source.");
        }
        if (DefaultSymbols.TryGetValue(text, out var symbol))
        {
            return ParsedFigure.Of(symbol.Status == ObservationStatus.Exact ? 0 : null, symbol.Status, symbol.Note);
        }
        if (text.StartsWith('='))
        {
            return ParsedFigure.Invalid($"'{raw}' looks like a formula written as text; formulas are never evaluated, so type the figure itself");
        }
        if (Bounded().Match(text) is { Success: true } bounded)
        {
            var words = bounded.Groups["words"].Value.ToLowerInvariant();
            var status = words is "<" or "<=" or "≤" or "fewer than" or "less than" or "under" or "up to" or "at most" ? ObservationStatus.AtMost : ObservationStatus.AtLeast;
            return Number(bounded.Groups["number"].Value) is { } bound
                ? ParsedFigure.Of(bound, status, $"Reported as '{text}'.")
                : ParsedFigure.Invalid(NotAFigure(raw));
        }
        if (PlusSuffix().Match(text) is { Success: true } plus && Number(plus.Groups["number"].Value) is { } lower)
        {
            return ParsedFigure.Of(lower, ObservationStatus.AtLeast, $"Reported as '{text}'.");
        }
        if (Approximate().Match(text) is { Success: true } approximate && Number(approximate.Groups["number"].Value) is { } estimate)
        {
            return ParsedFigure.Of(estimate, ObservationStatus.Estimated, $"Reported as '{text}'.");
        }
        if (LowReliability().Match(text) is { Success: true } low && Number(low.Groups["number"].Value) is { } unreliable)
        {
            return ParsedFigure.Of(unreliable, ObservationStatus.Estimated, "Marked as low reliability in the source ([u]).");
        }
        return Number(text) is { } value ? ParsedFigure.Of(value, ObservationStatus.Exact) : ParsedFigure.Invalid(NotAFigure(raw));
    }

    private static string NotAFigure(string raw) =>
        $"'{raw}' is not a figure: expected a number (1,340), a bound (at least 1,340; <5), or a symbol (* [c] : .. - x [x] [z] [u] not held)";

    /// <summary>"1,340", "1340", "12.5", "-3": commas only as thousands separators, so "1,34" is refused.</summary>
    private static decimal? Number(string text)
    {
        if (!NumberPattern().IsMatch(text))
        {
            return null;
        }
        return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string Join(string? first, string second) => first is null ? second : $"{first} {second}";

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\s*\[note \d+\]", RegexOptions.IgnoreCase)]
    private static partial Regex NoteMarker();

    [GeneratedRegex(@"^(?<words>at least|more than|over|greater than|>=|≥|>|fewer than|less than|under|up to|at most|<=|≤|<)\s*(?<number>[-\d,.]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Bounded();

    [GeneratedRegex(@"^(?<number>[\d,.]+)\s*\+$")]
    private static partial Regex PlusSuffix();

    [GeneratedRegex(@"^(?:c\.|ca\.|approx\.?|approximately|about|around|~)\s*(?<number>[-\d,.]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Approximate();

    [GeneratedRegex(@"^(?<number>[-\d,.]+)\s*\[u\]$", RegexOptions.IgnoreCase)]
    private static partial Regex LowReliability();

    [GeneratedRegex(@"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")]
    private static partial Regex NumberPattern();
}
