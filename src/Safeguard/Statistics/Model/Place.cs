namespace Safeguard.Statistics.Model;

/// <summary>What sort of place a figure is reported for.</summary>
internal enum PlaceKind
{
    /// <summary>An immigration removal centre.</summary>
    RemovalCentre,
    /// <summary>A short-term holding facility.</summary>
    ShortTermHoldingFacility,
    /// <summary>Pre-departure accommodation for families (Cedars, Gatwick PDA).</summary>
    PreDepartureAccommodation,
    /// <summary>Prisons used to hold people under immigration powers.</summary>
    PrisonEstate,
    /// <summary>A reporting category such as "all IRCs" or "all places of detention", whose total need not be the sum of parts.</summary>
    Category,
}

/// <summary>A place of detention or a reporting category. Centres open, close and change hands, so they are data.</summary>
internal sealed class Place
{
    public int Id { get; set; }

    /// <summary>URL form, e.g. "brook-house".</summary>
    public required string Slug { get; set; }

    /// <summary>Name as the charity writes it, e.g. "Brook House IRC".</summary>
    public required string Name { get; set; }

    public PlaceKind Kind { get; set; }

    /// <summary>Contractor running the place, where known.</summary>
    public string? Operator { get; set; }

    public int DisplayOrder { get; set; }
}
