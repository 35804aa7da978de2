using System.Globalization;

namespace Safeguard.Foi.Clock;

/// <summary>Dates as people give them to the clock, on the command line and in the API: yyyy-mm-dd.</summary>
internal static class FoiDate
{
    /// <summary>Parses a yyyy-mm-dd date; otherwise says what is wrong with it, for the person who wrote it.</summary>
    public static bool TryParse(string text, out DateOnly date, out string problem)
    {
        problem = "";
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }
        problem = $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a date: write it as yyyy-mm-dd, e.g. 2025-01-02.";
        return false;
    }
}
