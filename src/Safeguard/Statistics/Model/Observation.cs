namespace Safeguard.Statistics.Model;

/// <summary>
/// One figure: measure x period x place x breakdown, with a status and its provenance.
/// </summary>
internal sealed class Observation
{
    public long Id { get; set; }

    public int ReleaseId { get; set; }

    public Release? Release { get; set; }

    public int MeasureId { get; set; }

    public Measure? Measure { get; set; }

    public int PlaceId { get; set; }

    public Place? Place { get; set; }

    /// <summary>Period key ("2024-Q3"); see <see cref="Model.Period"/>.</summary>
    public required string PeriodKey { get; set; }

    /// <summary>Stored so period ranges can be queried in SQL; always agrees with <see cref="PeriodKey"/>.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>Inclusive last day of the period.</summary>
    public DateOnly PeriodEnd { get; set; }

    /// <summary>Canonical breakdown ("sex=female;age-band=18-29"), empty for the whole population.</summary>
    public string Breakdown { get; set; } = "";

    /// <summary>The number, or null when the status carries none.</summary>
    public decimal? Value { get; set; }

    public ObservationStatus Status { get; set; }

    public string? Note { get; set; }

    public int SourceDocumentId { get; set; }

    public SourceDocument? SourceDocument { get; set; }

    /// <summary>Where in the document: "sheet 'Det_D02', cell C14", or "line 12".</summary>
    public required string SourceLocation { get; set; }

    public Period Period => Period.FromKey(PeriodKey);

    /// <summary>Sets the period key and its dates together.</summary>
    public void SetPeriod(Period period)
    {
        PeriodKey = period.Key;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
    }
}
