using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Platform.Web.Forms;

/// <summary>A choice among a form's options (radios, a select), read as every form reads it.</summary>
public static class FormChoices
{
    /// <summary>The options of a yes-or-no question.</summary>
    public static IReadOnlyList<Choice> YesNo { get; } = [new(YesNoAttribute.Yes, "Yes"), new(YesNoAttribute.No, "No")];

    /// <summary>True for a yes, false for a no, null for anything else.</summary>
    public static bool? Answer(string? value) => value switch
    {
        YesNoAttribute.Yes => true,
        YesNoAttribute.No => false,
        _ => null,
    };

    /// <summary>A yes or a no as the forms show it again (see <see cref="YesNo"/>).</summary>
    public static string Show(bool answer) => answer ? YesNoAttribute.Yes : YesNoAttribute.No;

    /// <summary>One of an enum's names, exactly as the form offers it, as its value; null for anything else.</summary>
    public static TEnum? Read<TEnum>(string? value)
        where TEnum : struct, Enum =>
        // Only a name exactly as the form offers it: Enum.TryParse would also take "0", " Name" or "A, B".
        !string.IsNullOrEmpty(value) && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<TEnum>(value) : null;

    /// <summary>
    /// One of an enum's names, or null; an error on <paramref name="field"/> when it is not one of them, or when it is
    /// missing and <paramref name="whenMissing"/> (the message) says it is required.
    /// </summary>
    public static TEnum? Choice<TEnum>(this ModelStateDictionary errors, string field, string? value, string? whenMissing)
        where TEnum : struct, Enum
    {
        if (Read<TEnum>(value) is { } chosen)
        {
            return chosen;
        }
        if (!string.IsNullOrEmpty(value) || whenMissing is not null)
        {
            errors.AddModelError(field, whenMissing ?? "Choose one of the options");
        }
        return null;
    }
}
