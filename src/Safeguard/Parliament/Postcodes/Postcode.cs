using System.Text.RegularExpressions;

namespace Safeguard.Parliament.Postcodes;

/// <summary>
/// A UK postcode in its one stored form: capitals without spaces ("SW1A1AA"), however it was typed or written in an
/// ONS file ("sw1a 1aa", "SW1A  1AA"). <see cref="Display"/> puts the one space back before the inward code.
/// </summary>
internal readonly partial record struct Postcode(string Key)
{
    /// <summary>Longest stored form: a two-letter area, two characters of district, then the inward code.</summary>
    public const int MaxLength = 7;

    public string Display => Key[..^3] + " " + Key[^3..];

    /// <summary>The Crown Dependencies' own postcode areas: they have no MP at Westminster.</summary>
    public CrownDependency? CrownDependency => Key[..2] switch
    {
        "JE" => Postcodes.CrownDependency.Jersey,
        "GY" => Postcodes.CrownDependency.Guernsey,
        "IM" => Postcodes.CrownDependency.IsleOfMan,
        _ => null,
    };

    /// <summary>Reads what a person typed or a file holds: case and spaces do not matter; anything else that is not a postcode's shape is refused.</summary>
    public static bool TryRead(string? text, out Postcode postcode)
    {
        postcode = default;
        if (text is null)
        {
            return false;
        }
        var key = WhiteSpace().Replace(text, "").ToUpperInvariant();
        if (!Shape().IsMatch(key))
        {
            return false;
        }
        postcode = new Postcode(key);
        return true;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    // Outward code (area letters, district digit, then a digit or letter), inward code (a digit and two letters).
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex Shape();
}

/// <summary>Jersey, Guernsey and the Isle of Man: they have their own parliaments and no MP at Westminster.</summary>
internal enum CrownDependency
{
    Jersey,
    Guernsey,
    IsleOfMan,
}
