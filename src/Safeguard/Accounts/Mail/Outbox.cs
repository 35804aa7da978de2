using Safeguard.Accounts.Data;

namespace Safeguard.Accounts.Mail;

/// <summary>
/// Queues e-mail in the database, in the caller's unit of work, so a message is sent if and only if what it
/// announces was saved. <see cref="OutboxSender"/> sends it.
/// </summary>
public sealed class Outbox(AccountsDbContext db, TimeProvider clock, OutboxSignal signal)
{
    /// <summary>Adds a message; it is stored by the caller's <c>SaveChangesAsync</c>.</summary>
    public void Queue(string to, string subject, string body) =>
        db.OutboxMessages.Add(new OutboxMessage { To = to, Subject = subject, Body = body, CreatedAt = clock.GetUtcNow() });

    /// <summary>Tells the sender to look now rather than at its next poll.</summary>
    public void Wake() => signal.Wake();
}

/// <summary>Wakes the sender when a message has been queued.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Wake()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
