namespace Safeguard.Tests.Shared;

/// <summary>
/// The charity's 2024 top-line statistics as the portal must write them from the release data: the seed page's
/// bullets, in the portal's wording. One list for the unit, HTTP and browser tests alike.
/// </summary>
internal static class SeedTopLine
{
    public static readonly IReadOnlyList<string> Headlines2024 =
    [
        "74 Rule 35(1) reports, 35 Rule 35(2) reports and 2,473 Rule 35(3) reports were completed for people in detention.",
        "There were 715 use of force incidents at Brook House IRC, 188 at Colnbrook IRC, 43 at Derwentside IRC, 34 at Dungavel IRC, 156 at Harmondsworth IRC, 76 at Tinsley House IRC and 151 at Yarl's Wood IRC.",
        "1,292 ACDTs and 419 constant supervision ACDTs were opened.",
        "At least 1,340 people were held in segregation under Rule 40 and at least 25 under Rule 42.",
        "While 1,292 ACDTs and 419 constant supervision ACDTs were opened in 2024, only 74 Rule 35(1) reports and 35 Rule 35(2) reports were completed in detention: 8.4 reports for every 100 ACDTs opened.",
        "20,604 men, women and children were held in detention in 2024.",
    ];
}
