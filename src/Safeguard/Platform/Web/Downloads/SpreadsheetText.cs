namespace Safeguard.Platform.Web.Downloads;

/// <summary>
/// Keeps downloaded text from being run as a spreadsheet formula ("CSV injection"). Following the OWASP
/// guidance, a text cell that begins with a character a spreadsheet would read as the start of a formula
/// is prefixed with a single quote, which spreadsheets show as text. Numbers written as numbers are not text
/// and are never changed.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The text to write in a spreadsheet or CSV text cell.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
