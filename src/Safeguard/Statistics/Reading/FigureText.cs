using System.Globalization;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Reading;

/// <summary>How a figure and its status read in English, everywhere the portal shows one.</summary>
internal static class FigureText
{
    /// <summary>The unit of a measure counted in money (the average cost of detention per person per day).</summary>
    public const string Pounds = "pounds";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The number alone with thousands separators and every decimal place it has ("1,340", "12.5"): never rounded,
    /// so a figure reads with the precision its source gave it.
    /// </summary>
    public static string Number(decimal value) => value.ToString("#,##0.############################", English);

    /// <summary>
    /// A figure of a measure, with its status in words, as its unit reads: pounds with the sign and pence ("£101.61",
    /// "at least £96.20"), anything counted as the source gave it ("1,292", "at least 1,340"), or "suppressed".
    /// </summary>
    public static string Format(decimal? value, ObservationStatus status, string unit) =>
        WithStatus(value, status, number => unit == Pounds ? number.ToString("£#,##0.00", English) : Number(number));

    /// <summary>A count with its status in words: "1,292", "at least 1,340", "an estimated 300", "suppressed".</summary>
    public static string Count(decimal? value, ObservationStatus status) => WithStatus(value, status, Number);

    /// <summary>
    /// A figure computed from others (reports per 100 ACDTs, a percentage), rounded for reading as its inputs give
    /// no more precision: whole from 100, one decimal place below ("8.4", "at most 25.4", "115").
    /// </summary>
    public static string Ratio(decimal? value, ObservationStatus status) =>
        WithStatus(value, status, number => Number(decimal.Round(number, Math.Abs(number) >= 100 ? 0 : 1)));

    private static string WithStatus(decimal? value, ObservationStatus status, Func<decimal, string> number)
    {
        if (!status.HasValue() || value is null)
        {
            return status.HasValue() ? "not available" : status.Label();
        }
        var text = number(value.Value);
        return status switch
        {
            ObservationStatus.AtLeast => $"at least {text}",
            ObservationStatus.AtMost => $"at most {text}",
            ObservationStatus.Estimated => $"an estimated {text}",
            _ => text,
        };
    }

    /// <summary>Capitalises the first letter, for a figure that opens a sentence.</summary>
    public static string SentenceCase(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
