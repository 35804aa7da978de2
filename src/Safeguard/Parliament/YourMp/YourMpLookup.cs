using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Postcodes;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.YourMp;

/// <summary>What a lookup found, each answered on the page with a sentence saying what to do.</summary>
internal enum YourMpOutcome
{
    /// <summary>Nothing a postcode could be.</summary>
    NotAPostcode,

    /// <summary>A postcode's shape, but not in the ONS file.</summary>
    NotFound,

    /// <summary>Jersey, Guernsey or the Isle of Man: no MP at Westminster.</summary>
    CrownDependency,

    /// <summary>In the file, but ONS gives no constituency (a terminated postcode without one, or no grid reference).</summary>
    NoConstituency,

    /// <summary>The constituency has no MP now: the register's MP for it has left.</summary>
    VacantSeat,

    Found,
}

/// <summary>An MP as the page shows them, with their place in the group.</summary>
internal sealed record YourMpMember(int Id, string Name, string? Party, string? Email, bool InGroup, string? Role);

/// <summary>A lookup's answer: the postcode read, when it was one; its seat and MP, when found.</summary>
internal sealed record YourMpAnswer(YourMpOutcome Outcome, Postcode? Postcode = null, DateOnly? TerminatedOn = null,
    string? ConstituencyCode = null, string? Constituency = null, YourMpMember? Mp = null)
{
    public CrownDependency? CrownDependency => Postcode?.CrownDependency;
}

/// <summary>
/// Postcode to 2024 constituency (the ONS edition in use), constituency to MP (the register), MP to the group. It
/// reads only: nothing a person types is kept.
/// </summary>
internal sealed class YourMpLookup(ParliamentDbContext db)
{
    public async Task<YourMpAnswer> FindAsync(string? typed, CancellationToken cancellationToken)
    {
        if (!Postcode.TryRead(typed, out var postcode))
        {
            return new YourMpAnswer(YourMpOutcome.NotAPostcode);
        }
        // The Channel Islands and the Isle of Man are in ONS's files too, without a constituency: say why, whether or not this one is.
        if (postcode.CrownDependency is not null)
        {
            return new YourMpAnswer(YourMpOutcome.CrownDependency, postcode);
        }
        var place = await db.Postcodes.AsNoTracking()
            // The edition as a value the key starts with (a scalar subquery, run once), so both engines seek the primary
            // key among 2.7 million rows an edition rather than scan for the postcode.
            .Where(p => p.EditionId == db.PostcodeEditions.Where(e => e.InUse).Select(e => e.Id).FirstOrDefault() && p.Postcode == postcode.Key)
            .Select(p => new { p.ConstituencyCode, p.TerminatedOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (place is null)
        {
            return new YourMpAnswer(YourMpOutcome.NotFound, postcode);
        }
        if (place.ConstituencyCode is null)
        {
            return new YourMpAnswer(YourMpOutcome.NoConstituency, postcode, place.TerminatedOn);
        }
        return await SeatAsync(place.ConstituencyCode, cancellationToken) with { Postcode = postcode, TerminatedOn = place.TerminatedOn };
    }

    /// <summary>A constituency's MP, found again by its code (the letter's form carries the code, never the postcode).</summary>
    public async Task<YourMpAnswer> SeatAsync(string constituencyCode, CancellationToken cancellationToken)
    {
        var members = await db.Parliamentarians.AsNoTracking()
            .Where(m => m.ConstituencyCode == constituencyCode && m.House == House.Commons)
            .Select(m => new
            {
                m.Id,
                m.Name,
                m.Party,
                m.Email,
                m.ConstituencyName,
                m.LeftOn,
                Membership = db.Memberships.Where(g => g.ParliamentarianId == m.Id).Select(g => new { g.Role, g.Removed }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var seat = members.Select(m => m.ConstituencyName).FirstOrDefault(n => n is not null);
        if (members.FirstOrDefault(m => m.LeftOn is null) is not { } mp)
        {
            return new YourMpAnswer(YourMpOutcome.VacantSeat, ConstituencyCode: constituencyCode, Constituency: seat);
        }
        var inGroup = mp.Membership is { Removed: false };
        return new YourMpAnswer(YourMpOutcome.Found, ConstituencyCode: constituencyCode, Constituency: seat,
            Mp: new YourMpMember(mp.Id, mp.Name, mp.Party, mp.Email, inGroup, inGroup ? mp.Membership!.Role : null));
    }
}
