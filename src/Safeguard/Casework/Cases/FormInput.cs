using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Cases;

/// <summary>
/// Reads the casework forms' fields, adding an error that says what to fix (and where: the field's name) for each
/// that is missing or wrong; the page shows them in its error summary and by each field.
/// </summary>
internal static class FormInput
{
    /// <summary>The places of detention as a form's options: each by its slug, shown by its name.</summary>
    public static IReadOnlyList<Choice> ToChoices(this IEnumerable<PlaceOfDetention> places) => [.. places.Select(p => new Choice(p.Slug, p.Name))];

    /// <summary>A date no later than <paramref name="today"/>, or null when empty; an error when required and missing, or not a date.</summary>
    public static DateOnly? Date(this ModelStateDictionary errors, string field, string? value, string? whenMissing, string what, DateOnly today)
    {
        var text = FormText.Read(value);
        if (text is null)
        {
            if (whenMissing is not null)
            {
                errors.AddModelError(field, whenMissing);
            }
            return null;
        }
        if (FormDates.ReadPast(text, what, today, out var error) is not { } date)
        {
            errors.AddModelError(field, error!);
            return null;
        }
        return date;
    }

    /// <summary>
    /// Tags, comma-separated: each 1 to 60 letters, digits, spaces, hyphens or apostrophes (group and policy names,
    /// never a person's), without repeats; an error names the first that is not.
    /// </summary>
    public static IReadOnlyList<string> Tags(this ModelStateDictionary errors, string field, string? value)
    {
        var tags = (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (tags.FirstOrDefault(t => t.Length > 60 || !t.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '\'' or '’')) is { } wrong)
        {
            errors.AddModelError(field, $"Tags may hold letters, digits, spaces, hyphens and apostrophes, up to 60 characters each; change \"{(wrong.Length > 60 ? wrong[..60] + "…" : wrong)}\"");
            return [];
        }
        return tags;
    }

    /// <summary>An enum's options for radios or a select, with the words for each.</summary>
    public static IReadOnlyList<Choice> Options<TEnum>(Func<TEnum, string> label, Func<TEnum, string?>? hint = null)
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => new Choice(v.ToString(), label(v), hint?.Invoke(v)))];
}
