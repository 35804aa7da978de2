namespace Safeguard.Platform.Web.Forms;

/// <summary>A multi-line text box, rendered by <c>_TextArea.cshtml</c> in the GOV.UK pattern.</summary>
public sealed record TextAreaField(string Name, string Label, string? Value, string? Error, string? Hint = null, int Rows = 5);

/// <summary>One option of a select, a set of radios or of checkboxes.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>A drop-down list, rendered by <c>_Select.cshtml</c>; an empty first option when <paramref name="Blank"/> is given.</summary>
public sealed record SelectField(string Name, string Label, IReadOnlyList<Choice> Options, string? Selected, string? Error, string? Hint = null, string? Blank = null);

/// <summary>
/// Radios (one answer) or checkboxes (any number), rendered by <c>_Choices.cshtml</c> in a fieldset with its legend.
/// The first input's id is <see cref="Name"/>, so the error summary's link lands on it.
/// </summary>
public sealed record ChoicesField(string Name, string Legend, bool Multiple, IReadOnlyList<Choice> Options, IReadOnlyCollection<string> Selected, string? Error, string? Hint = null);
