namespace Safeguard.Parliament.Register;

/// <summary>The House a parliamentarian sits in.</summary>
internal enum House
{
    Commons,
    Lords,
}

/// <summary>
/// An MP or a peer on the charity's register. The imports write everything here but <see cref="StaffNotes"/>, which
/// is the secretariat's own and survives every re-import.
/// </summary>
internal sealed class Parliamentarian
{
    public int Id { get; set; }

    /// <summary>Parliament's Members' Names Information Service id: the key the imports match on, when known.</summary>
    public string? MnisId { get; set; }

    public string? TheyWorkForYouId { get; set; }

    /// <summary>The name as the member is addressed ("Alex Baker", "Lord Garnier").</summary>
    public required string Name { get; set; }

    /// <summary>The name with honorifics and post-nominals ("Rt Hon Wendy Morton MP").</summary>
    public string? FullTitle { get; set; }

    public string? Party { get; set; }

    public House House { get; set; }

    /// <summary>The 2024 constituency's ONS code (MPs); set only by the MP list, so it marks who that list holds.</summary>
    public string? ConstituencyCode { get; set; }

    public string? ConstituencyName { get; set; }

    public string? Email { get; set; }

    /// <summary>The day the register first held the member.</summary>
    public DateOnly EnteredOn { get; set; }

    /// <summary>The day an MP list without the member was imported (after an election or a by-election).</summary>
    public DateOnly? LeftOn { get; set; }

    public string? StaffNotes { get; set; }
}
