namespace Safeguard.Statistics.Portal;

/// <summary>Words the portal uses for model values.</summary>
public static class PortalText
{
    public static string PlaceKind(Model.PlaceKind kind) => kind switch
    {
        Model.PlaceKind.RemovalCentre => "Immigration removal centre",
        Model.PlaceKind.ShortTermHoldingFacility => "Short-term holding facility",
        Model.PlaceKind.PrisonEstate => "Prisons holding people under immigration powers",
        _ => "Reporting category (its total need not be the sum of the places)",
    };
}
