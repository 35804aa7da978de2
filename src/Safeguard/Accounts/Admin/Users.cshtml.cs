using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;

namespace Safeguard.Accounts.Admin;

/// <summary>Every staff account, with its roles and state.</summary>
internal sealed class UsersModel(AccountsDbContext db) : PageModel
{
    public sealed record Row(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, string State);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>What was just done, for the banner: "invited", "roles", "deactivated", "reinvited".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(a => a.DisplayName).ThenBy(a => a.Email).ToListAsync(cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var byAccount = roles.ToLookup(r => r.UserId, r => r.Name!);
        Rows = [.. accounts.Select(a => new Row(a.Id, a.DisplayName, a.Email ?? "", [.. StaffRoles.All.Where(byAccount[a.Id].Contains)], StateOf(a)))];
    }

    public static string StateOf(StaffAccount account) => account switch
    {
        { IsActive: false } => "Deactivated",
        { PasswordHash: null } => "Invited",
        { TwoFactorEnabled: false } => "Setting up",
        _ => "Active",
    };
}
