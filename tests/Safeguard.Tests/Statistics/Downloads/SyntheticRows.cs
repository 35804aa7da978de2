using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics.Downloads;

/// <summary>Made-up observations for the download tests; no real figures.</summary>
internal static class SyntheticRows
{
    public static ObservationRow Row(decimal? value = 1292.0000m, ObservationStatus status = ObservationStatus.Exact, string? note = null, string placeName = "Yarl's Wood") =>
        new(
            Release: "2024",
            Theme: "use-of-force",
            Measure: "force-incidents",
            MeasureName: "Use of force incidents",
            Unit: "incidents",
            Place: "yarls-wood",
            PlaceName: placeName,
            PlaceKind: PlaceKind.RemovalCentre,
            PeriodKey: "2024-Q3",
            PeriodStart: new DateOnly(2024, 7, 1),
            PeriodEnd: new DateOnly(2024, 9, 30),
            Breakdown: "",
            Value: value,
            Status: status,
            Note: note,
            SourceTitle: "FOI response 00000 – use of force",
            SourceAuthority: "Home Office",
            SourceReference: "FOI 00000",
            SourceFileName: "foi-00000.pdf",
            SourceSha256: new string('a', 64),
            SourceLocation: "table 2, row 3");
}
