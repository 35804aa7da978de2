using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Platform;

namespace Safeguard.Accounts.Invitations;

/// <summary>What became of an invitation's creation.</summary>
internal sealed record InvitationResult(StaffAccount? Account, string? Link, string? Problem);

/// <summary>
/// Creates accounts by invitation and redeems invitation tokens. A token is 32 random bytes; only its SHA-256 is
/// stored, it expires after <see cref="SafeguardSettings.InvitationHours"/> and can be used once.
/// </summary>
internal sealed class InvitationService(
    AccountsDbContext db, UserManager<StaffAccount> users, Outbox outbox, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The path of the page that accepts an invitation; the token follows as <c>?token=</c>.</summary>
    public const string AcceptPath = "/staff/invitation";

    private TimeSpan Lifetime => TimeSpan.FromHours(Math.Clamp(configuration.GetValue(SafeguardSettings.InvitationHours, 72), 1, 24 * 14));

    /// <summary>
    /// Creates an account for <paramref name="email"/> with <paramref name="roles"/> and an invitation to it; with
    /// <paramref name="sendEmail"/>, queues the e-mail that carries the link. Returns the link either way.
    /// </summary>
    public async Task<InvitationResult> InviteAsync(
        string email, string displayName, IReadOnlyCollection<string> roles, string invitedBy, string baseUrl, bool sendEmail, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new(null, null, "There is already an account for this e-mail address. Find it in the list of staff to change its roles or send a new invitation.");
        }
        var account = new StaffAccount
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return new(null, null, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var added = await users.AddToRolesAsync(account, roles);
        if (!added.Succeeded)
        {
            return new(null, null, string.Join(" ", added.Errors.Select(e => e.Description)));
        }
        var link = await IssueAsync(account, invitedBy, baseUrl, sendEmail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sendEmail)
        {
            outbox.Wake();
        }
        return new(account, link, null);
    }

    /// <summary>Voids the account's open invitations and issues a new one; returns its link.</summary>
    public async Task<string> ReissueAsync(StaffAccount account, string invitedBy, string baseUrl, bool sendEmail, CancellationToken cancellationToken)
    {
        var link = await IssueAsync(account, invitedBy, baseUrl, sendEmail, cancellationToken);
        if (sendEmail)
        {
            outbox.Wake();
        }
        return link;
    }

    /// <summary>Voids every open invitation of an account (on deactivation).</summary>
    public async Task RevokeAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var open in await db.Invitations.Where(i => i.AccountId == account.Id && i.UsedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            open.RevokedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The invitation a token names, if it can still be used (not used, not revoked, not expired, account active).</summary>
    public async Task<(Invitation Invitation, StaffAccount Account)?> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.UsedAt is not null || invitation.RevokedAt is not null || invitation.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }
        var account = await users.FindByIdAsync(invitation.AccountId);
        return account is { IsActive: true } ? (invitation, account) : null;
    }

    /// <summary>
    /// Sets the passphrase and uses up the invitation, in one transaction, so that a second attempt with the same
    /// token fails even when two arrive at once. Returns the Identity errors (passphrase too short, too common) or none.
    /// </summary>
    public async Task<(StaffAccount? Account, IReadOnlyList<string> Errors)> AcceptAsync(string token, string passphrase, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindUsableAsync(token, cancellationToken) is not var (invitation, account))
        {
            return (null, [InvalidLink]);
        }
        // Claim the invitation first: the update succeeds for one request only.
        var now = clock.GetUtcNow();
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return (null, [InvalidLink]);
        }
        IdentityResult result;
        if (await users.HasPasswordAsync(account))
        {
            var resetToken = await users.GeneratePasswordResetTokenAsync(account);
            result = await users.ResetPasswordAsync(account, resetToken, passphrase);
        }
        else
        {
            result = await users.AddPasswordAsync(account, passphrase);
        }
        if (!result.Succeeded)
        {
            // Rolled back: the invitation stays usable so the person can choose a better passphrase.
            return (null, [.. result.Errors.Select(e => e.Description)]);
        }
        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        await transaction.CommitAsync(cancellationToken);
        return (account, []);
    }

    /// <summary>What the invitation page says about a link that cannot be used, whatever the reason.</summary>
    public const string InvalidLink =
        "This invitation link cannot be used: it has already been used, has expired or was replaced by a newer one. Ask an administrator to send you a new invitation.";

    private async Task<string> IssueAsync(StaffAccount account, string invitedBy, string baseUrl, bool sendEmail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var open in await db.Invitations.Where(i => i.AccountId == account.Id && i.UsedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            open.RevokedAt = now;
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            AccountId = account.Id,
            TokenHash = Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.Invitations.Add(invitation);
        var link = $"{baseUrl.TrimEnd('/')}{AcceptPath}?token={token}";
        if (sendEmail)
        {
            outbox.Queue(account.Email!, "Your Safeguard account", InvitationText(account, link, invitation.ExpiresAt));
        }
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    private static string InvitationText(StaffAccount account, string link, DateTimeOffset expires) => $"""
        Hello {account.DisplayName},

        An administrator has made you a Safeguard account. To start using it, open this link, choose a passphrase
        and set up an authenticator app on your phone:

        {link}

        The link works once, until {expires:d MMMM yyyy HH:mm} UTC. If it has expired, ask an administrator for a new one.
        If you did not expect this e-mail, you can ignore it; tell the administrator if you keep receiving them.
        """;

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
