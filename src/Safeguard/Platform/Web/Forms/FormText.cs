using System.Globalization;

namespace Safeguard.Platform.Web.Forms;

/// <summary>Text typed into a form, as every form reads it: trimmed, and nothing for a blank field.</summary>
public static class FormText
{
    /// <summary>The trimmed text, or null for a field left blank (or only spaces).</summary>
    public static string? Read(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>What a field of <paramref name="what"/> ("The clinician's name") says when its text is too long.</summary>
    public static string TooLong(string what, int maxLength) =>
        $"{what} must be {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer";
}
