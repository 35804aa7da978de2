using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Portal;

/// <summary>A table of figures with their status, note and source, as every portal page shows them.</summary>
public sealed record FiguresTable(string Caption, IReadOnlyList<ObservationRow> Rows);
