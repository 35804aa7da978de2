namespace Safeguard.Accounts.Mail;

/// <summary>
/// An e-mail waiting to be sent, or a record that it was, or that the outbox gave up on it. The body is cleared once
/// the message is sent, because it may hold a one-time link; a message given up on keeps it, to be sent again.
/// </summary>
internal sealed class OutboxMessage
{
    public int Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain text; null once sent.</summary>
    public string? Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    // The next two are DateTime (UTC), not DateTimeOffset, because the senders compare them in SQL, which SQLite cannot
    // do with EF Core's text form of a DateTimeOffset.

    /// <summary>When the next attempt may be made, after a failed one (exponential backoff); null: at once.</summary>
    public DateTime? NextAttemptAtUtc { get; set; }

    /// <summary>
    /// Until when a sender (on one node of several) has claimed the message to send it; no other sender takes it
    /// before then. Null when nobody has.
    /// </summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>When the last attempt failed and the outbox stopped trying; an administrator may send it again.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    /// <summary>The last sending error, without the message's content.</summary>
    public string? LastError { get; set; }
}
