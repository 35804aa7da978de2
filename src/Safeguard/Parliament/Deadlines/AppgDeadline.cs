using Safeguard.Parliament.Appg;

namespace Safeguard.Parliament.Deadlines;

/// <summary>One of the group's register deadlines: its code (for the reminders' record), what it is, and its day.</summary>
internal sealed record AppgDeadline(string Code, string Label, DateOnly DueOn)
{
    /// <summary>How many days before a deadline its reminders go: a month ahead to plan, a week ahead to act.</summary>
    public static IReadOnlyList<int> ReminderDays { get; } = [28, 7];

    /// <summary>
    /// The group's deadlines from its register entry: the next AGM, due within a year of the last (the House's rules
    /// for registered groups), and the next reporting deadline the register gives; each only when the entry has it.
    /// </summary>
    public static IReadOnlyList<AppgDeadline> Of(AppgGroup group)
    {
        List<AppgDeadline> deadlines = [];
        if (group.MostRecentAgm is { } agm)
        {
            deadlines.Add(new("agm", "Annual general meeting", agm.AddYears(1)));
        }
        if (group.NextReportingDeadline is { } reporting)
        {
            deadlines.Add(new("reporting", "Reporting deadline", reporting));
        }
        return [.. deadlines.OrderBy(d => d.DueOn)];
    }

    /// <summary>
    /// The reminder due on <paramref name="today"/> (its days before the deadline), or null: the nearest of
    /// <see cref="ReminderDays"/> whose day has come, while the deadline has not passed. A reminder missed (the
    /// application was down on its day) is overtaken by the next one rather than sent late beside it.
    /// </summary>
    public int? ReminderDue(DateOnly today) =>
        today > DueOn ? null : ReminderDays.Where(days => today >= DueOn.AddDays(-days)).Order().Cast<int?>().FirstOrDefault();
}
