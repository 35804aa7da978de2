namespace Safeguard.Platform.Web.Forms;

/// <summary>One labelled input with its hint and error, rendered by <c>_TextField.cshtml</c> in the GOV.UK pattern.</summary>
/// <param name="Name">The form field's name, also its id (the error summary links to it).</param>
/// <param name="Label">What to enter, e.g. "E-mail address".</param>
/// <param name="Type">The input type: text, email, password.</param>
/// <param name="Value">The value to show again; never given for passphrases.</param>
/// <param name="Error">The field's error, or null.</param>
/// <param name="Hint">Help shown under the label, or null.</param>
/// <param name="Autocomplete">The autocomplete token, e.g. username, current-password, new-password, one-time-code.</param>
/// <param name="InputMode">A keyboard hint, e.g. numeric.</param>
/// <param name="Width">A CSS modifier: "20", "10" or null for full width.</param>
public sealed record TextField(
    string Name, string Label, string Type, string? Value, string? Error, string? Hint = null, string? Autocomplete = null, string? InputMode = null, string? Width = null);
