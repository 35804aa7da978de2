using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Safeguard.Accounts.Data;
using Safeguard.Platform.Encryption;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Identity's store, except for the authenticator key: it lives encrypted in <see cref="StaffAccount.AuthenticatorKey"/>
/// (purpose <see cref="AuthenticatorKeyPurpose"/>, re-encrypted by <c>keys rotate</c>) rather than in plain text in the
/// user tokens table, so a copy of the database cannot be used to make an account's codes (ASVS 2.9.1).
/// </summary>
internal sealed class StaffAccountStore(AccountsDbContext context, FieldEncryption encryption, IdentityErrorDescriber? describer = null)
    : UserStore<StaffAccount, IdentityRole, AccountsDbContext>(context, describer)
{
    /// <summary>What the authenticator key is encrypted for.</summary>
    public const string AuthenticatorKeyPurpose = "accounts.authenticator-key";

    /// <summary>Kept with the account and saved by the caller's update, as Identity's own token is.</summary>
    public override Task SetAuthenticatorKeyAsync(StaffAccount user, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        user.AuthenticatorKey = encryption.Encrypt(key, AuthenticatorKeyPurpose);
        return Task.CompletedTask;
    }

    public override Task<string?> GetAuthenticatorKeyAsync(StaffAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(encryption.Decrypt(user.AuthenticatorKey, AuthenticatorKeyPurpose));
    }
}
