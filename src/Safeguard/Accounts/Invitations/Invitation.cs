namespace Safeguard.Accounts.Invitations;

/// <summary>
/// An invitation to set a passphrase for an account. Only the SHA-256 of its token is stored; the token itself
/// exists only in the link sent to the person. Single use, and void after <see cref="ExpiresAt"/>.
/// </summary>
internal sealed class Invitation
{
    public int Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The account id of the administrator who invited, or "system" for the command line.</summary>
    public required string InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the invitation was accepted; set once, after which the token is refused.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>When a newer invitation or a deactivation made this one void.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
