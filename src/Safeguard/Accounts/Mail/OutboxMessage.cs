namespace Safeguard.Accounts.Mail;

/// <summary>
/// An e-mail waiting to be sent, or a record that it was. The body is cleared once the message is sent, because it
/// may hold a one-time link.
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

    /// <summary>The last sending error, without the message's content.</summary>
    public string? LastError { get; set; }
}
