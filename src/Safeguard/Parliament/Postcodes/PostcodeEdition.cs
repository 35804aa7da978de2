namespace Safeguard.Parliament.Postcodes;

/// <summary>Which of ONS's two postcode products a file is: both carry a postcode's constituency and termination date.</summary>
internal enum PostcodeProduct
{
    /// <summary>National Statistics Postcode Lookup.</summary>
    Nspl,

    /// <summary>ONS Postcode Directory.</summary>
    Onspd,
}

/// <summary>
/// One import of an ONS file. The lookup reads the edition in use; a new import loads beside it and takes its place
/// in one transaction, so the page never sees a half-loaded file.
/// </summary>
internal sealed class PostcodeEdition
{
    public int Id { get; set; }

    public PostcodeProduct Product { get; set; }

    /// <summary>The file's name, as ONS names its editions ("NSPL_FEB_2026_UK.csv").</summary>
    public required string FileName { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public int Postcodes { get; set; }

    public int Terminated { get; set; }

    /// <summary>The edition the lookup reads; at most one is.</summary>
    public bool InUse { get; set; }
}

/// <summary>A postcode of one edition: its 2024 Westminster constituency and, once Royal Mail stopped using it, the month it did.</summary>
internal sealed class PostcodePlace
{
    public int EditionId { get; set; }

    /// <summary>The stored form (<see cref="Postcodes.Postcode.Key"/>).</summary>
    public required string Postcode { get; set; }

    /// <summary>Null where ONS gives no constituency (a pseudo-code: the Channel Islands, the Isle of Man, no grid reference).</summary>
    public string? ConstituencyCode { get; set; }

    /// <summary>The first day of the month the postcode was terminated, for a postcode no longer in use.</summary>
    public DateOnly? TerminatedOn { get; set; }
}
