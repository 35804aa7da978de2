namespace Safeguard.Foi.Holidays;

/// <summary>
/// The parts of the United Kingdom that the GOV.UK feed lists bank holidays for (the Banking and Financial Dealings
/// Act 1971 sets them per part). Fixed by law, so an enum; the feed's keys are <see cref="UkDivisions.Key"/>.
/// </summary>
internal enum UkDivision
{
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

/// <summary>The feed keys and readable names of the divisions.</summary>
internal static class UkDivisions
{
    /// <summary>Every division, in the feed's order.</summary>
    public static IReadOnlyList<UkDivision> All { get; } = [UkDivision.EnglandAndWales, UkDivision.Scotland, UkDivision.NorthernIreland];

    /// <summary>The key the GOV.UK feed uses, e.g. <c>england-and-wales</c>.</summary>
    public static string Key(this UkDivision division) => division switch
    {
        UkDivision.EnglandAndWales => "england-and-wales",
        UkDivision.Scotland => "scotland",
        _ => "northern-ireland",
    };

    /// <summary>The division's name in a sentence, e.g. "England and Wales".</summary>
    public static string Name(this UkDivision division) => division switch
    {
        UkDivision.EnglandAndWales => "England and Wales",
        UkDivision.Scotland => "Scotland",
        _ => "Northern Ireland",
    };

    /// <summary>The division a feed key names, or null.</summary>
    public static UkDivision? FromKey(string key) => All.Cast<UkDivision?>().FirstOrDefault(d => d!.Value.Key() == key);
}

/// <summary>One bank holiday in one division, as the GOV.UK feed lists it (e.g. "St Andrew’s Day", "Substitute day").</summary>
internal sealed record BankHoliday(UkDivision Division, DateOnly Date, string Title, string Notes);
