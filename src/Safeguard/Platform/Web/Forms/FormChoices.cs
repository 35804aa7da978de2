using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Platform.Web.Forms;

/// <summary>A choice among a form's options (radio buttons, a select), read as every form reads it.</summary>
public static class FormChoices
{
    /// <summary>
    /// One of an enum's names, or null; an error on <paramref name="field"/> when it is not one of them, or when it is
    /// missing and <paramref name="whenMissing"/> (the message) says it is required.
    /// </summary>
    public static TEnum? Choice<TEnum>(this ModelStateDictionary errors, string field, string? value, string? whenMissing)
        where TEnum : struct, Enum
    {
        // Only a name exactly as the form offers it: Enum.TryParse would also take "0", " Name" or "A, B".
        if (!string.IsNullOrEmpty(value) && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal))
        {
            return Enum.Parse<TEnum>(value);
        }
        if (!string.IsNullOrEmpty(value) || whenMissing is not null)
        {
            errors.AddModelError(field, whenMissing ?? "Choose one of the options");
        }
        return null;
    }
}
