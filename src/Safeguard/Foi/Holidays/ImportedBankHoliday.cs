namespace Safeguard.Foi.Holidays;

/// <summary>A bank holiday from a feed file imported with <c>foi holidays import</c>; one row per division and date.</summary>
internal sealed class ImportedBankHoliday
{
    public int Id { get; set; }

    public UkDivision Division { get; set; }

    public DateOnly Date { get; set; }

    public required string Title { get; set; }

    public required string Notes { get; set; }

    /// <summary>The name of the file it was last imported from.</summary>
    public required string SourceFile { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public BankHoliday ToBankHoliday() => new(Division, Date, Title, Notes);
}
