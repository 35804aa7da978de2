using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Safeguard.Accounts.Anonymous;

/// <summary>
/// A passphrase hash made with the accounts' hashing settings, that a refused sign-in checks the passphrase against
/// when Identity would not hash it (no such account, locked out, deactivated): the refusal then takes as long as a
/// real check, so its timing says nothing of the account.
/// </summary>
internal sealed class SignInTimingDecoy(IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> hash = new(() => new PasswordHasher<StaffAccount>(options).HashPassword(new StaffAccount(), "timing decoy passphrase"));

    public void Check(IPasswordHasher<StaffAccount> hasher, string passphrase) => hasher.VerifyHashedPassword(new StaffAccount(), hash.Value, passphrase);
}
