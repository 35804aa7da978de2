using System.Globalization;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Downloads;

/// <summary>
/// One figure in tidy form for JSON (the API, the pages' .json twins and the release download): the columns of
/// <see cref="TidyColumns"/> as typed properties, so the OpenAPI document can describe them. A test holds the two
/// to the same names and values.
/// </summary>
internal sealed record TidyObservation(
    string Release, string Theme, string Measure, string MeasureName, string Unit, string Place, string PlaceName,
    string Period, string PeriodStart, string PeriodEnd, string Breakdown, decimal? Value, string Status, string Display,
    string? Note, string SourceTitle, string SourceAuthority, string? SourceReference, string SourceFile,
    string SourceSha256, string SourceLocation)
{
    public static TidyObservation From(ObservationRow row) => new(
        row.Release, row.Theme, row.Measure, row.MeasureName, row.Unit, row.Place, row.PlaceName,
        row.PeriodKey, TidyColumns.FormatDate(row.PeriodStart), TidyColumns.FormatDate(row.PeriodEnd), row.Breakdown,
        // Same digits as the CSV: no trailing zeros from the stored scale.
        row.Value is { } value ? decimal.Parse(TidyColumns.FormatNumber(value), CultureInfo.InvariantCulture) : null,
        row.Status.Code(), row.Display, row.Note, row.SourceTitle, row.SourceAuthority, row.SourceReference,
        row.SourceFileName, row.SourceSha256, row.SourceLocation);
}
