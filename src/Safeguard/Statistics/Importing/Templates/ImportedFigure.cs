using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Importing.Templates;

/// <summary>
/// A figure read from a file, before it is stored: slugs rather than ids, with where it was read. The one shape of a
/// figure on its way in: the sheet mapper makes it, the preview compares it with the published figures, and the
/// writer stores it (<see cref="ObservationWriter"/>).
/// </summary>
internal sealed record ImportedFigure(
    string Measure, string Place, Period Period, string Breakdown, decimal? Value, ObservationStatus Status, string? Note, string Location)
{
    /// <summary>The figure as release <paramref name="release"/> will show it, for comparing it with the published one.</summary>
    public ObservationRow AsRow(string release, Measure measure, Place place, SourceDocument source) => new(
        Release: release, Theme: measure.Theme!.Slug, Measure: measure.Slug, MeasureName: measure.Name, Unit: measure.Unit,
        Place: place.Slug, PlaceName: place.Name, PlaceKind: place.Kind,
        PeriodKey: Period.Key, PeriodStart: Period.Start, PeriodEnd: Period.End, Breakdown: Breakdown,
        Value: Value, Status: Status, Note: Note,
        SourceTitle: source.Title, SourceAuthority: source.Authority, SourceReference: source.Reference,
        SourceFileName: source.FileName, SourceSha256: source.Sha256, SourceLocation: Location);
}

/// <summary>What the people and places of a file are matched against: the catalogue's slugs and names.</summary>
internal sealed class ImportCatalogue(IEnumerable<(string Slug, string Name)> measures, IEnumerable<(string Slug, string Name)> places)
{
    private readonly Dictionary<string, string> measures = Index(measures);
    private readonly Dictionary<string, string> places = Index(places);

    /// <summary>The measure's slug for a label: by the template's map, then name, then slug.</summary>
    public string? Measure(string label, IReadOnlyDictionary<string, string> map) => Resolve(label, map, measures);

    /// <summary>The place's slug for a label: by the template's map, then name, then slug.</summary>
    public string? Place(string label, IReadOnlyDictionary<string, string> map) => Resolve(label, map, places);

    private static string? Resolve(string label, IReadOnlyDictionary<string, string> map, Dictionary<string, string> known)
    {
        var key = Labels.Normalise(label);
        foreach (var (from, to) in map)
        {
            if (Labels.Normalise(from) == key)
            {
                return known.TryGetValue(Labels.Normalise(to), out var mapped) ? mapped : null;
            }
        }
        return known.GetValueOrDefault(key);
    }

    private static Dictionary<string, string> Index(IEnumerable<(string Slug, string Name)> entries)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slug, name) in entries)
        {
            index.TryAdd(Labels.Normalise(name), slug);
            index[Labels.Normalise(slug)] = slug;
        }
        return index;
    }
}

/// <summary>Label matching that forgives case, spacing, curly quotes and footnote markers.</summary>
internal static class Labels
{
    public static string Normalise(string label)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(label, @"\[note \d+\]|\s+", " ", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return text.Replace('’', '\'').Replace('‘', '\'').Trim().ToLowerInvariant();
    }

    /// <summary>A breakdown value in canonical form: "Bailed (SoS)" → "bailed-sos".</summary>
    public static string Slug(string label)
    {
        var builder = new System.Text.StringBuilder(label.Length);
        foreach (var c in Normalise(label))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().TrimEnd('-');
    }
}
