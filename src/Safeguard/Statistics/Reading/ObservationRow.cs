using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Reading;

/// <summary>
/// One figure with everything a reader needs beside it: what, where, when, how sure, and where it came from.
/// The one shape behind pages, downloads and the API, so they cannot disagree.
/// </summary>
internal sealed record ObservationRow(
    string Release,
    string Theme,
    string Measure,
    string MeasureName,
    string Unit,
    string Place,
    string PlaceName,
    PlaceKind PlaceKind,
    string PeriodKey,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Breakdown,
    decimal? Value,
    ObservationStatus Status,
    string? Note,
    string SourceTitle,
    string SourceAuthority,
    string? SourceReference,
    string SourceFileName,
    string SourceSha256,
    string SourceLocation)
{
    /// <summary>The figure as a reader should see it, e.g. "at least 1,340", "£101.61" or "suppressed".</summary>
    public string Display => FigureText.Format(Value, Status, Unit);

    /// <summary>The period in words.</summary>
    public string PeriodLabel => Period.FromKey(PeriodKey).Label;
}
