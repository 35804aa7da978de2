using System.Globalization;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Reading;

/// <summary>How a figure and its status read in English, everywhere the portal shows one.</summary>
public static class FigureText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The number alone with thousands separators ("1,340", "11.9").</summary>
    public static string Number(decimal value) =>
        decimal.Round(value, value >= 100 || value == decimal.Truncate(value) ? 0 : 1).ToString("#,##0.#", English);

    /// <summary>The figure with its status in words: "1,292", "at least 1,340", "at most 4", "an estimated 300", "suppressed".</summary>
    public static string Format(decimal? value, ObservationStatus status)
    {
        if (!status.HasValue() || value is null)
        {
            return status.HasValue() ? "not available" : status.Label();
        }
        var number = Number(value.Value);
        return status switch
        {
            ObservationStatus.AtLeast => $"at least {number}",
            ObservationStatus.AtMost => $"at most {number}",
            ObservationStatus.Estimated => $"an estimated {number}",
            _ => number,
        };
    }

    /// <summary>Capitalises the first letter, for a figure that opens a sentence.</summary>
    public static string SentenceCase(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
