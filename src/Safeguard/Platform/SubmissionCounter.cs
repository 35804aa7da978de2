using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Safeguard.Platform;

/// <summary>
/// Counts submissions of the forms anyone can reach (sign-in, the referral form) in fixed windows of time, per key (a
/// client address, an account), so that a limit holds however many nodes serve the forms: the count is kept in the
/// database when that is PostgreSQL, which several nodes share, and in this process's memory for the embedded SQLite,
/// which one process serves. Keys are hashed before they are counted, so neither store holds an address.
/// </summary>
public abstract class SubmissionCounter
{
    /// <summary>
    /// Counts one submission under <paramref name="key"/> in the current window of <paramref name="window"/>; false,
    /// and not counted, when the window already holds <paramref name="limit"/>.
    /// </summary>
    public ValueTask<bool> TryCountAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken) =>
        CountAsync(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))), limit, window, cancellationToken);

    /// <summary>Counts one submission under a hashed key (64 hex digits).</summary>
    protected abstract ValueTask<bool> CountAsync(string hashedKey, int limit, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>The counts in this process's memory: for the embedded SQLite, which one process serves.</summary>
internal sealed class InMemorySubmissionCounter : SubmissionCounter, IDisposable
{
    private readonly PartitionedRateLimiter<Counted> limiter = PartitionedRateLimiter.Create<Counted, Counted>(counted =>
        RateLimitPartition.GetFixedWindowLimiter(counted, c => new FixedWindowRateLimiterOptions { PermitLimit = c.Limit, Window = c.Window, QueueLimit = 0 }));

    private readonly record struct Counted(string Key, int Limit, TimeSpan Window);

    protected override ValueTask<bool> CountAsync(string hashedKey, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        using var lease = limiter.AttemptAcquire(new Counted(hashedKey, limit, window));
        return ValueTask.FromResult(lease.IsAcquired);
    }

    public void Dispose() => limiter.Dispose();
}
