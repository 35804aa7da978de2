namespace Safeguard.Parliament.Deadlines;

/// <summary>
/// A reminder of one of the group's deadlines queued in the outbox to one member of the secretariat: the record that
/// makes each go once (unique per group, deadline, day, days before and recipient). It names the recipient by account
/// id only.
/// </summary>
internal sealed class AppgReminder
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    /// <summary>The deadline's code (<see cref="AppgDeadline.Code"/>).</summary>
    public required string Deadline { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>How many days before the deadline the reminder was for.</summary>
    public int DaysBefore { get; set; }

    public required string RecipientId { get; set; }

    public DateTime QueuedAtUtc { get; set; }
}
