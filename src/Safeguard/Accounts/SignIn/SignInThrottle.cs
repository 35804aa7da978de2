using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Sign-in attempts per account, whatever address they come from (the per-address limit is the rate limiter's):
/// ten a minute. Lockout (5 wrong passphrases, 15 minutes) is the slower brake; this one stops a burst before the
/// lockout arithmetic is even reached, and also limits guessing the second factor.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Whether another attempt for this e-mail address may go ahead now.</summary>
    public bool TryAttempt(string account)
    {
        // The key is a hash, so the limiter's memory holds no e-mail addresses.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim().ToUpperInvariant())));
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
