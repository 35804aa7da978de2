using System.Globalization;

namespace Safeguard.Platform.Web.Forms;

/// <summary>
/// Dates as every page shows them (<see cref="Show(DateOnly?)"/>, and times of day with <see cref="ShowTime"/>) and as staff type them into every form: day/month/year (or year-month-day), in the years the charity's records
/// can be about. A year outside them is a typing slip ("14/08/20226"), and refusing it keeps every later sum of
/// months and working days on the calendar.
/// </summary>
public static class FormDates
{
    public const int EarliestYear = 1900;

    public const int LatestYear = 2100;

    /// <summary>A date as the forms ask for it, for hints and messages.</summary>
    public const string Example = "14/08/2026";

    /// <summary>The hint under a date field.</summary>
    public const string Hint = "For example " + Example;

    /// <summary>A date put back into a form field as staff type it ("7/12/2026"), or null for none.</summary>
    public static string? Value(DateOnly? date) => date?.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A day as every page shows it, in the GOV.UK style UK readers know: "7 December 2026"; an empty string for none.
    /// </summary>
    public static string Show(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// The day of a moment stored in UTC, as <see cref="Show(DateOnly?)"/> writes a day: the day in UTC, so that it is
    /// the day of the time <see cref="ShowTime"/> gives for the same moment; an empty string for none.
    /// </summary>
    public static string Show(DateTime? utc) => Show(utc is { } moment ? DateOnly.FromDateTime(moment) : null);

    /// <summary>
    /// A moment stored in UTC as every page shows it: "7 December 2026 at 14:03 UTC"; an empty string for none. The
    /// zone is written out because the pages are read in British Summer Time too, when UTC is an hour behind the clock.
    /// </summary>
    public static string ShowTime(DateTime? utc) =>
        utc is { } moment ? string.Create(CultureInfo.InvariantCulture, $"{Show(moment)} at {moment:HH:mm} UTC") : "";

    /// <summary>
    /// The date in <paramref name="text"/> (not blank), or null with <paramref name="error"/> saying what to fix, naming
    /// the field as <paramref name="what"/> ("the date received").
    /// </summary>
    public static DateOnly? Read(string text, string what, out string? error)
    {
        ArgumentNullException.ThrowIfNull(what);
        if (Typed(text) is not { } date)
        {
            error = $"Enter {what} as day/month/year, for example {Example}";
            return null;
        }
        if (!InRange(date))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be in a year from {EarliestYear} to {LatestYear}");
            return null;
        }
        error = null;
        return date;
    }

    /// <summary>
    /// As <see cref="Read"/>, and no later than <paramref name="today"/>: what happened (an assessment, a decision, a
    /// stay) cannot be in the future.
    /// </summary>
    public static DateOnly? ReadPast(string text, string what, DateOnly today, out string? error)
    {
        if (Read(text, what, out error) is not { } date)
        {
            return null;
        }
        if (date > today)
        {
            error = $"{char.ToUpperInvariant(what[0])}{what[1..]} must be today or in the past";
            return null;
        }
        return date;
    }

    /// <summary>
    /// The date in <paramref name="text"/> once <see cref="PastDateAttribute"/> has let it through; null for a blank
    /// field, and for anything <see cref="Read"/> refuses.
    /// </summary>
    public static DateOnly? Parse(string? text) => text is null ? null : Typed(text) is { } date && InRange(date) ? date : null;

    private static DateOnly? Typed(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static bool InRange(DateOnly date) => date.Year is >= EarliestYear and <= LatestYear;
}
