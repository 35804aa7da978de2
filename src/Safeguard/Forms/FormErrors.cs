using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Forms;

/// <summary>The form errors of a page, in the GOV.UK pattern: a summary linking to each field, and a message by each.</summary>
public static class FormErrors
{
    /// <summary>The first error of a field, or null.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Every field with an error, in the order they were added, with its first message.</summary>
    public static IReadOnlyList<(string Field, string Message)> Summary(this ModelStateDictionary modelState) =>
        [.. modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage))];
}
