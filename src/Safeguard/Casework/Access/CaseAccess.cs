using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;

namespace Safeguard.Casework.Access;

/// <summary>The signed-in member of staff, as casework sees them: their account and whether they supervise casework.</summary>
internal sealed record CaseReader(string AccountId, bool IsSupervisor)
{
    public static CaseReader Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Case pages are for signed-in staff only."),
        user.IsInRole(StaffRoles.Supervisor));
}

/// <summary>A case its reader may open; <see cref="AsSupervisor"/> when they are not assigned to it.</summary>
internal sealed record OpenedCase(int ClientId, string CaseNumber, bool AsSupervisor)
{
    /// <summary>Added to every audit entry of the case, so a supervisor's access stands out.</summary>
    public string AccessNote => AsSupervisor ? "; supervisor, not assigned" : "";
}

/// <summary>
/// The per-record check behind every case page: the staff assigned to a case may open it, and supervisors may open
/// any (each time recorded as a supervisor's access). Anyone else, like anyone asking for a case that does not
/// exist, gets nothing, which the pages answer with the same 404; both refusals are recorded.
/// </summary>
internal sealed class CaseAccess(CaseworkDbContext db, CaseworkAudit audit)
{
    /// <summary>
    /// Opens <paramref name="caseNumber"/> for <paramref name="reader"/>, or null. With <paramref name="reading"/>
    /// (what is shown, e.g. "case page"), the read is recorded; a change records itself when saved.
    /// </summary>
    public async Task<OpenedCase?> OpenAsync(CaseReader reader, string caseNumber, string? reading, CancellationToken cancellationToken)
    {
        if (!CaseNumbers.IsWellFormed(caseNumber))
        {
            // Whatever was typed into the address is not a case number; it is not copied into the trail.
            await audit.ReadAsync(CaseworkAudit.Case, null, "refused: not a case number", cancellationToken);
            return null;
        }
        var found = await db.Clients.AsNoTracking().Where(c => c.CaseNumber == caseNumber)
            .Select(c => new { c.Id, Assigned = c.Assignments.Any(a => a.AccountId == reader.AccountId) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || (!found.Assigned && !reader.IsSupervisor))
        {
            await audit.ReadAsync(CaseworkAudit.Case, caseNumber, found is null ? "refused: no such case" : "refused: not assigned", cancellationToken);
            return null;
        }
        var opened = new OpenedCase(found.Id, caseNumber, AsSupervisor: !found.Assigned);
        if (reading is not null)
        {
            await RecordReadAsync(opened, reading, cancellationToken);
        }
        return opened;
    }

    /// <summary>Records that <paramref name="reading"/> of an opened case was shown (or refused), marked when a supervisor's.</summary>
    public Task RecordReadAsync(OpenedCase opened, string reading, CancellationToken cancellationToken) =>
        audit.ReadAsync(CaseworkAudit.Case, opened.CaseNumber, reading + opened.AccessNote, cancellationToken);

    /// <summary>The cases <paramref name="reader"/> may see: those assigned to them, or every case for a supervisor.</summary>
    public IQueryable<Client> Visible(CaseReader reader) => reader.IsSupervisor
        ? db.Clients.AsNoTracking()
        : db.Clients.AsNoTracking().Where(c => c.Assignments.Any(a => a.AccountId == reader.AccountId));
}

/// <summary>Case numbers: "C-", the year the case was opened, "-", and the row's number in at least five digits.</summary>
internal static partial class CaseNumbers
{
    public static string For(DateOnly openedOn, int id) => $"C-{openedOn.Year:D4}-{id:D5}";

    public static bool IsWellFormed(string? caseNumber) => caseNumber is { Length: <= 20 } && Pattern().IsMatch(caseNumber);

    [GeneratedRegex(@"^C-[0-9]{4}-[0-9]{5,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
