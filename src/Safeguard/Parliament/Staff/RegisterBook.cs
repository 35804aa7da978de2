using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Staff;

/// <summary>A parliamentarian as the register's staff pages list them, with their place in the group.</summary>
internal sealed record RegisterRow(int Id, string Name, House House, string? Party, string? Constituency, bool Left, string? AppgRole, bool AppgMember);

/// <summary>
/// What staff read and change in the register: the list, one member, and the two things the secretariat keeps by hand
/// (a peer's party, which no file gives for most peers, and its own notes). Every change is recorded on the audit trail
/// in its transaction, naming the member by id and the fields changed, never their values: notes may say anything.
/// </summary>
internal sealed class RegisterBook(ParliamentDbContext db, ParliamentAudit audit)
{
    public const string RecordType = "parliamentarian";

    /// <summary>How many members' names contain <paramref name="name"/> (all when null).</summary>
    public Task<int> CountAsync(string? name, CancellationToken cancellationToken) => Named(name).CountAsync(cancellationToken);

    /// <summary>The members whose names contain <paramref name="name"/> (all when null), by name, from <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<RegisterRow>> ListAsync(string? name, int skip, int take, CancellationToken cancellationToken)
    {
        var rows = await Named(name)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.House,
                p.Party,
                p.ConstituencyName,
                p.LeftOn,
                Membership = db.Memberships.Where(m => m.ParliamentarianId == p.Id).Select(m => new { m.Role, m.Removed }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new RegisterRow(r.Id, r.Name, r.House, r.Party, r.ConstituencyName, r.LeftOn is not null,
            r.Membership is { Removed: false } current ? current.Role : null, r.Membership is { Removed: false }))];
    }

    private IQueryable<Parliamentarian> Named(string? name)
    {
        if (name is null)
        {
            return db.Parliamentarians.AsNoTracking();
        }
        // Lower-cased on both sides: SQLite's LIKE and PostgreSQL's differ on case, and this reads the same on both.
        // ToLower here is SQL's lower(), run by the database, not .NET's culture-dependent one.
        var lowered = name.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
        return db.Parliamentarians.AsNoTracking().Where(p => p.Name.ToLower().Contains(lowered));
#pragma warning restore CA1304, CA1311, CA1862
    }

    public Task<Parliamentarian?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Parliamentarians.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>The member's place in the group, or null when the group's file never named them.</summary>
    public Task<Appg.AppgMembership?> MembershipAsync(int id, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.ParliamentarianId == id, cancellationToken);

    /// <summary>
    /// Sets a member's party and staff notes; false when there is no such member. Nothing is saved, or recorded, when
    /// neither changed.
    /// </summary>
    public async Task<bool> ChangeAsync(int id, string? party, string? notes, CancellationToken cancellationToken)
    {
        if (await db.Parliamentarians.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } member)
        {
            return false;
        }
        List<string> changed = [];
        if (!string.Equals(member.Party, party, StringComparison.Ordinal))
        {
            member.Party = party;
            changed.Add("party");
        }
        if (!string.Equals(member.StaffNotes, notes, StringComparison.Ordinal))
        {
            member.StaffNotes = notes;
            changed.Add("staff notes");
        }
        if (changed.Count == 0)
        {
            return true;
        }
        await audit.SaveAsync(AuditAction.Update, RecordType, () => id.ToString(CultureInfo.InvariantCulture), $"{string.Join(" and ", changed)} changed", cancellationToken);
        return true;
    }
}
