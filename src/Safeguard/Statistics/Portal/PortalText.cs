namespace Safeguard.Statistics.Portal;

/// <summary>Words the portal uses for model values.</summary>
internal static class PortalText
{
    public static string PlaceKind(Model.PlaceKind kind) => kind switch
    {
        Model.PlaceKind.RemovalCentre => "Immigration removal centre",
        Model.PlaceKind.ShortTermHoldingFacility => "Short-term holding facility",
        Model.PlaceKind.PrisonEstate => "Prisons holding people under immigration powers",
        Model.PlaceKind.PreDepartureAccommodation => "Pre-departure accommodation for families",
        Model.PlaceKind.Category => "Reporting category (its total need not be the sum of the places)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown place kind."),
    };
}
