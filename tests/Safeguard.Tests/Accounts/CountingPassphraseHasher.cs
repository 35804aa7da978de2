using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Accounts;

namespace Safeguard.Tests.Accounts;

/// <summary>
/// The application's passphrase hasher, counting the passphrases it checks: every sign-in attempt must hash one, whatever
/// the account, so that its timing says nothing of the account (tests count the work instead of timing it).
/// </summary>
internal sealed class CountingPassphraseHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<StaffAccount>
{
    private readonly PasswordHasher<StaffAccount> hasher = new(options);
    private int checks;

    /// <summary>How many passphrases have been checked against a hash so far.</summary>
    public int Checks => Volatile.Read(ref checks);

    public string HashPassword(StaffAccount user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref checks);
        return hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
