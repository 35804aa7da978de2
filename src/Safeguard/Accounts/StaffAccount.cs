using Microsoft.AspNetCore.Identity;

namespace Safeguard.Accounts;

/// <summary>
/// A member of staff's account. The e-mail address is the user name. An account is created by an invitation,
/// has no passphrase until the invitation is accepted, and is never deleted: deactivating it keeps who did what
/// in the audit trail attributable.
/// </summary>
internal sealed class StaffAccount : IdentityUser
{
    /// <summary>The name shown to colleagues, e.g. "Sam Taylor (caseworker)"; not used to sign in.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was created (invited).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an administrator deactivated the account; a deactivated account cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>
    /// The last 30-second time step whose authenticator code was accepted, so that a code cannot be used twice
    /// (RFC 6238 section 5.2; ASVS 2.8.4).
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }

    /// <summary>
    /// The authenticator app's shared secret, encrypted with the platform's key ring (<see cref="SignIn.StaffAccountStore"/>):
    /// with the database alone nobody can make this account's codes. Identity would keep it in plain text among the
    /// user tokens.
    /// </summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>Whether the account can be used at all.</summary>
    public bool IsActive => DeactivatedAt is null;
}
