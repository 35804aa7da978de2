namespace Safeguard.Statistics.Model;

/// <summary>Slugs of the measures that derived indicators and headlines are written about.</summary>
internal static class MeasureSlugs
{
    public const string Rule35Part1 = "rule35-1-reports";
    public const string Rule35Part2 = "rule35-2-reports";
    public const string Rule35Part3 = "rule35-3-reports";
    public const string AcdtOpened = "acdt-opened";
    public const string AcdtConstantSupervision = "acdt-constant-supervision";
    public const string Rule40People = "rule40-people";
    public const string Rule42People = "rule42-people";
    public const string UseOfForceIncidents = "use-of-force-incidents";
    public const string PeopleDetained = "people-detained";
    public const string PeopleEnteringDetention = "people-entering-detention";
    public const string PeopleInDetention = "people-in-detention";
    public const string PeopleLeavingDetention = "people-leaving-detention";
}
