using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts;

namespace Safeguard.Casework.Access;

/// <summary>A member of staff who can be assigned to cases.</summary>
internal sealed record AssignableStaff(string AccountId, string Name, string Roles);

/// <summary>
/// The staff accounts casework needs to name, read through Identity's <see cref="UserManager{TUser}"/> (the accounts
/// module's public face): who can be assigned to a case, and the names of those who are.
/// </summary>
internal sealed class StaffDirectory(UserManager<StaffAccount> users)
{
    /// <summary>Active accounts holding a role that sees case data, by name.</summary>
    public async Task<IReadOnlyList<AssignableStaff>> AssignableAsync()
    {
        var roles = new Dictionary<string, (StaffAccount Account, List<string> Roles)>(StringComparer.Ordinal);
        foreach (var role in AccountsPolicies.CaseDataRoles)
        {
            foreach (var account in await users.GetUsersInRoleAsync(role))
            {
                if (account.IsActive)
                {
                    roles.TryAdd(account.Id, (account, []));
                    roles[account.Id].Roles.Add(StaffRoles.Title(role).ToLowerInvariant());
                }
            }
        }
        return [.. roles.Values.OrderBy(r => r.Account.DisplayName, StringComparer.CurrentCulture)
            .Select(r => new AssignableStaff(r.Account.Id, r.Account.DisplayName, string.Join(", ", r.Roles)))];
    }

    /// <summary>The display names of <paramref name="accountIds"/>; an id without an account keeps its id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        var found = await users.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return accountIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => found.FirstOrDefault(f => f.Id == id)?.DisplayName ?? id, StringComparer.Ordinal);
    }
}
