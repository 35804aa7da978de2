using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Platform.Web.Forms;

/// <summary>The form errors of a page, in the GOV.UK pattern: a summary linking to each field, and a message by each.</summary>
public static class FormErrors
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> FieldOrders = new();

    /// <summary>The first error of a field, or null.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// The answer to a question a form asks only sometimes (a release route only for a release): as sent when
    /// <paramref name="asked"/>; else null, and whatever its rules said of it dropped, since the person was not asked it.
    /// </summary>
    public static string? Asked(this ModelStateDictionary modelState, string field, bool asked, string? answer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (asked)
        {
            return answer;
        }
        modelState.Remove(field);
        return null;
    }

    /// <summary>
    /// Every field with an error, with its first message, in the order of the fields on the page: the order in which
    /// <paramref name="pageModel"/> declares its bound properties (a base class's before its own), which is the order
    /// its form shows them. Errors of anything else (a passkey button, say) come after, in the dictionary's order,
    /// which is not the order they were added in. A page whose form shows them in another order says so
    /// (<see cref="IOrderedForm"/>).
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Summary(this ModelStateDictionary modelState, object? pageModel)
    {
        var order = pageModel switch
        {
            null => [],
            IOrderedForm ordered => ordered.FieldOrder,
            _ => BoundFields(pageModel.GetType()),
        };
        return [.. modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (Field: e.Key, Message: e.Value!.Errors[0].ErrorMessage))
            .OrderBy(e => Position(order, e.Field))];
    }

    /// <summary>The fields <paramref name="type"/> binds, in the order it declares them (a base class's before its own).</summary>
    public static IReadOnlyList<string> BoundFields(Type type) => FieldOrders.GetOrAdd(type, BoundProperties);

    private static int Position(IReadOnlyList<string> order, string field)
    {
        // "Findings[2].Grade" and "Input.Name" belong to the property they start with.
        var property = field.Split('.', '[')[0];
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], property, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    /// <summary>The properties a form binds, the furthest base class first, each class's in the order it declares them.</summary>
    private static IReadOnlyList<string> BoundProperties(Type type)
    {
        var lineage = new List<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            lineage.Insert(0, current);
        }
        return [.. lineage.SelectMany(t =>
        {
            var bindsAll = t.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            return t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => bindsAll || p.GetCustomAttribute<BindPropertyAttribute>() is not null)
                .OrderBy(p => p.MetadataToken)
                .Select(p => p.GetCustomAttribute<BindPropertyAttribute>()?.Name ?? p.Name);
        })];
    }
}

/// <summary>
/// A page whose form shows its fields in another order than it declares them (its own around a base class's shared
/// ones), for the error summary to list them as the form shows them.
/// </summary>
public interface IOrderedForm
{
    /// <summary>The bound fields' names, in the order the form shows them.</summary>
    IReadOnlyList<string> FieldOrder { get; }
}
