using Safeguard.Platform;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Sign-in attempts per account, whatever address they come from (the per-address limit is the rate limiter's):
/// ten a minute, counted across nodes on PostgreSQL (<see cref="SubmissionCounter"/>). Lockout (5 wrong passphrases,
/// 15 minutes) is the slower brake; this one stops a burst before the lockout arithmetic is even reached, and also
/// limits guessing the second factor.
/// </summary>
internal sealed class SignInThrottle(SubmissionCounter counter)
{
    /// <summary>Whether another attempt for this e-mail address (or account id) may go ahead now.</summary>
    public ValueTask<bool> TryAttemptAsync(string account, CancellationToken cancellationToken) =>
        counter.TryCountAsync($"sign-in account {account.Trim().ToUpperInvariant()}", 10, TimeSpan.FromMinutes(1), cancellationToken);
}
