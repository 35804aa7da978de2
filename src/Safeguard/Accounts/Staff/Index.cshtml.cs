using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;

namespace Safeguard.Accounts.Staff;

/// <summary>The staff home: who is signed in, with which roles, and where they can go.</summary>
internal sealed class IndexModel(UserManager<StaffAccount> users) : PageModel
{
    public StaffAccount Account { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Enrolled { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }
        Account = account;
        Roles = [.. StaffRoles.All.Where(User.IsInRole)];
        return Page();
    }
}
