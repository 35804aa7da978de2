using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Appg;

/// <summary>A current member of the group as the page, its JSON and its CSV show them.</summary>
internal sealed record AppgRosterRow(string Name, string? Role, House House, string Party, string? Constituency, string? MnisId);

/// <summary>The group and its current members, officers first, then by house, party and name.</summary>
internal sealed record AppgRosterView(AppgGroup? Group, IReadOnlyList<AppgRosterRow> Members)
{
    public const string PartyNotRecorded = "Party not recorded";

    public IEnumerable<AppgRosterRow> Officers => Members.Where(m => m.Role is not null);
}

/// <summary>The one read behind <c>/parliament/appg</c> and its twins, so they cannot disagree.</summary>
internal sealed class AppgRoster(ParliamentDbContext db)
{
    public async Task<AppgRosterView> ReadAsync(CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().OrderBy(g => g.Id).FirstOrDefaultAsync(cancellationToken);
        var current = await db.Memberships.AsNoTracking().Where(m => !m.Removed).Select(m => new { m.Role, m.Parliamentarian }).ToListAsync(cancellationToken);
        var rows = current
            .Select(m => new AppgRosterRow(m.Parliamentarian.Name, m.Role, m.Parliamentarian.House, m.Parliamentarian.Party ?? AppgRosterView.PartyNotRecorded,
                m.Parliamentarian.ConstituencyName, m.Parliamentarian.MnisId))
            .OrderBy(r => r.Role is null).ThenBy(r => r.House).ThenBy(r => r.Party, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new AppgRosterView(group, rows);
    }
}
