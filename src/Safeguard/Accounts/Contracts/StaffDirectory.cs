using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts.Contracts;

/// <summary>A member of staff as other modules may see them: to name an owner, or to write to them.</summary>
/// <param name="Id">The account id.</param>
/// <param name="DisplayName">The name colleagues see.</param>
/// <param name="Email">The work address, for e-mail through the outbox; never for logs or the audit trail.</param>
public sealed record StaffContact(string Id, string DisplayName, string Email);

/// <summary>
/// Active staff accounts by role, for modules that assign work to staff and remind them of it. Deactivated accounts
/// are never returned, so nothing is sent to, or shown as owned by, someone who has left; only the audit trail's
/// names (<see cref="NamesAsync"/>) include them.
/// </summary>
public sealed class StaffDirectory : IAuditActorNames
{
    private readonly UserManager<StaffAccount> users;

    // Internal: accounts are the module's own; AddAccounts builds the directory for other modules.
    internal StaffDirectory(UserManager<StaffAccount> users) => this.users = users;

    /// <summary>The active account with this id holding one of <paramref name="roles"/>, or null.</summary>
    public async Task<StaffContact?> FindAsync(string id, IReadOnlyCollection<string> roles)
    {
        if (await users.FindByIdAsync(id) is not { IsActive: true } account)
        {
            return null;
        }
        var held = await users.GetRolesAsync(account);
        return held.Any(roles.Contains) ? Contact(account) : null;
    }

    /// <summary>Every active account holding one of <paramref name="roles"/>, by name.</summary>
    public async Task<IReadOnlyList<StaffContact>> InRolesAsync(IReadOnlyCollection<string> roles)
    {
        var accounts = new Dictionary<string, StaffAccount>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            foreach (var account in await users.GetUsersInRoleAsync(role))
            {
                accounts[account.Id] = account;
            }
        }
        return [.. accounts.Values.Where(a => a.IsActive).Select(Contact).OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        await users.Users.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.DisplayName, StringComparer.Ordinal, cancellationToken);

    private static StaffContact Contact(StaffAccount account) => new(account.Id, account.DisplayName, account.Email ?? "");
}
