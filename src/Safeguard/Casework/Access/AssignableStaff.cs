using Safeguard.Accounts.Contracts;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Access;

/// <summary>What casework asks the accounts module's <see cref="StaffDirectory"/>: who can be assigned, and the names of those who are.</summary>
internal static class AssignableStaff
{
    /// <summary>Active accounts holding a role that sees case data, by name, as options of a form.</summary>
    public static async Task<IReadOnlyList<Choice>> AssignableAsync(this StaffDirectory staff) =>
        [.. (await staff.InRolesAsync(StaffRoles.CaseData)).Select(s => new Choice(s.Id, s.DisplayName))];

    /// <summary>The names of <paramref name="accountIds"/>; an account no longer active is named as such, never by its address.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(this StaffDirectory staff, IEnumerable<string> accountIds)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in accountIds.Distinct(StringComparer.Ordinal))
        {
            names[id] = (await staff.FindAsync(id, StaffRoles.All))?.DisplayName ?? "a former member of staff";
        }
        return names;
    }
}
