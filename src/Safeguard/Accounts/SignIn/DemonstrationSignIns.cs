using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Invitations;
using Safeguard.Platform;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// One-time links that sign a demonstration account straight in, for a newcomer trying Safeguard on their own machine
/// (<c>./safeguard serve</c> prints one per role). They stand in for the passphrase and the second factor, so they
/// work only in demonstration mode: the demonstration data on, the embedded database and every address the server
/// listens on loopback (<see cref="ServeAddresses.OnOwnMachine"/>), checked when a link is made and again when it is
/// used. A token is 32 random bytes; only its SHA-256 is stored (with the account's Identity tokens), it expires after
/// <see cref="Lifetime"/> and is deleted as it is used.
/// </summary>
internal sealed class DemonstrationSignIns(AccountsDbContext db, UserManager<StaffAccount> users, IServer server, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The page that signs in with a link; the token follows as <c>?token=</c>. Under the sign-in page's address, public as it is.</summary>
    public const string SignInPath = AccountsPaths.SignIn + "/demonstration";

    /// <summary>How long a link works: long enough to read the start-up message and open one, no longer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private const string TokenProvider = "Safeguard:DemonstrationSignIn";

    private const string TokenName = "link";

    /// <summary>Whether a server listening on <paramref name="listening"/> is in demonstration mode.</summary>
    public bool InDemonstrationMode(IEnumerable<string> listening) =>
        configuration.GetValue(SafeguardSettings.DemonstrationData, true) && ServeAddresses.OnOwnMachine(configuration, listening);

    /// <summary>A new link for <paramref name="account"/> on <paramref name="staffAddress"/>, replacing its last.</summary>
    public async Task<string> IssueAsync(StaffAccount account, string staffAddress)
    {
        var token = InvitationService.Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var stored = await users.SetAuthenticationTokenAsync(account, TokenProvider, TokenName, $"{InvitationService.Hash(token)} {expires}");
        return stored.Succeeded
            ? $"{staffAddress.TrimEnd('/')}{SignInPath}?token={token}"
            : throw new InvalidOperationException($"The demonstration sign-in link could not be stored: {string.Join(" ", stored.Errors.Select(e => e.Description))}");
    }

    /// <summary>
    /// The account <paramref name="token"/> signs in, the link used up; null outside demonstration mode, and for a
    /// token unknown, used, expired or of an account deactivated since.
    /// </summary>
    public async Task<StaffAccount?> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        if (!InDemonstrationMode(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) || string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var prefix = $"{InvitationService.Hash(token)} ";
        var found = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == TokenProvider && t.Name == TokenName && t.Value!.StartsWith(prefix))
            .SingleOrDefaultAsync(cancellationToken);
        if (found?.Value is not { } value)
        {
            return null;
        }
        // Deleting the row succeeds for one request only, so the link works once even when opened twice at once.
        var claimed = await db.UserTokens.Where(t => t.UserId == found.UserId && t.LoginProvider == TokenProvider && t.Name == TokenName && t.Value == value)
            .ExecuteDeleteAsync(cancellationToken);
        if (claimed != 1 || DateTimeOffset.FromUnixTimeSeconds(long.Parse(value[prefix.Length..], CultureInfo.InvariantCulture)) <= clock.GetUtcNow())
        {
            return null;
        }
        return await users.FindByIdAsync(found.UserId) is { IsActive: true } account ? account : null;
    }
}
