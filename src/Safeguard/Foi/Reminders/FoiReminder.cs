namespace Safeguard.Foi.Reminders;

/// <summary>Which reminder of a deadline: the one before it, or the one after it has passed.</summary>
internal enum FoiReminderKind
{
    Upcoming,
    Overdue,
}

/// <summary>
/// A reminder queued in the outbox: the record that makes each reminder go once (one per request, deadline, date and
/// kind; a new date, after an extension, is a new deadline). It names the recipient by account id only.
/// </summary>
internal sealed class FoiReminder
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>The deadline's code: answer, answer-limit, review, review-limit.</summary>
    public required string Deadline { get; set; }

    public DateOnly DueOn { get; set; }

    public FoiReminderKind Kind { get; set; }

    /// <summary>The staff account it was sent to.</summary>
    public required string RecipientId { get; set; }

    public DateTime QueuedAtUtc { get; set; }
}
