using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Appg;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Deadlines;

namespace Safeguard.Parliament.Staff;

/// <summary>The secretariat's home: the group's register entry and its deadlines, and the secretariat's pages.</summary>
internal sealed class ParliamentHomeModel(ParliamentDbContext db, TimeProvider clock) : PageModel
{
    public AppgGroup? Group { get; private set; }

    public IReadOnlyList<AppgDeadline> Deadlines { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Group = await db.Groups.AsNoTracking().OrderBy(g => g.Id).FirstOrDefaultAsync(cancellationToken);
        Deadlines = Group is null ? [] : AppgDeadline.Of(Group);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }
}
