using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Parliament.Appg;
using Safeguard.Parliament.Register;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Staff;

/// <summary>One member of the register: what the imports hold, and the party and notes the secretariat keeps.</summary>
internal sealed class MemberModel(RegisterBook book) : PageModel
{
    public const string Saved = "saved";

    public Parliamentarian Member { get; private set; } = null!;

    public AppgMembership? Membership { get; private set; }

    [BindProperty]
    [TextLength(100, "The party")]
    public string? Party { get; set; }

    [BindProperty]
    [TextLength(4000, "The notes")]
    public string? StaffNotes { get; set; }

    public bool JustSaved => Request.Query["done"] == Saved;

    public async Task<IActionResult> OnGetAsync(int member, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(member, cancellationToken))
        {
            return NotFound();
        }
        Party = Member.Party;
        StaffNotes = Member.StaffNotes;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int member, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(member, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await book.ChangeAsync(member, FormText.Read(Party), FormText.Read(StaffNotes), cancellationToken)
            ? LocalRedirect($"{ParliamentStaffPaths.Member(member)}?done={Saved}")
            : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await book.FindAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }
        Member = found;
        Membership = await book.MembershipAsync(id, cancellationToken);
        return true;
    }
}
