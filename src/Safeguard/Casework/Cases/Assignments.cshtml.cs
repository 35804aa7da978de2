using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Data;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Cases;

/// <summary>Who is assigned to a case, for a supervisor to change: assigned staff can open the case, nobody else but supervisors.</summary>
[Authorize(Policy = StaffPolicies.CaseSupervision)]
internal sealed class AssignmentsModel(CaseAccess access, CaseBook book, CaseworkDbContext db, StaffDirectory staff, TimeProvider time) : CasePageModel(access, time)
{
    [BindProperty]
    public string? Account { get; set; }

    public IReadOnlyList<(string AccountId, string Name)> Assigned { get; private set; } = [];

    public IReadOnlyList<Choice> Assignable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync("assignments page", cancellationToken))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        await LoadAsync(cancellationToken);
        if (Assignable.FirstOrDefault(a => a.Value == Account) is not { } chosen)
        {
            ModelState.AddModelError(nameof(Account), "Choose a member of staff to assign");
            return Page();
        }
        await book.AssignAsync(Opened, chosen.Value, cancellationToken);
        return LocalRedirect($"{CaseworkPaths.Case(CaseNumber)}/assignments");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        if (Account is { Length: > 0 } account)
        {
            await book.UnassignAsync(Opened, account, cancellationToken);
        }
        return LocalRedirect($"{CaseworkPaths.Case(CaseNumber)}/assignments");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Assignments.AsNoTracking().Where(a => a.ClientId == Opened.ClientId).Select(a => a.AccountId).ToListAsync(cancellationToken);
        var names = await staff.NamesAsync(ids);
        Assigned = [.. ids.Select(id => (id, names[id])).OrderBy(a => a.Item2, StringComparer.CurrentCulture)];
        Assignable = [.. (await staff.AssignableAsync()).Where(s => !ids.Contains(s.Value))];
    }
}
