using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.YourMp;

/// <summary>
/// Every Commons seat's MP and their place in the group, held in memory: /parliament/your-mp is a hot public read
/// (a campaign e-mail sends thousands at once), and 650 seats change only when staff or an import change the
/// register. Each node reads them afresh when a change is saved through this process's <see cref="ParliamentDbContext"/>,
/// and at least every <see cref="Freshness"/>, so a change made on another node or by a command shows within that time.
/// </summary>
internal sealed class SeatDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    /// <summary>How old the seats may be before a lookup reads them again: the bound on another node's change.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    // A change saved in this process: any directory in it reads again (tests run several applications in one process;
    // each reading again once more is harmless).
    private static long registerChanges;

    private readonly SemaphoreSlim reading = new(1, 1);

    private Seats? seats;

    /// <summary>Called when the register or the group's membership changed in this process.</summary>
    public static void RegisterChanged() => Interlocked.Increment(ref registerChanges);

    /// <summary>The seat's MP, or a vacant seat; unknown codes read as vacant with no name.</summary>
    public async ValueTask<YourMpAnswer> SeatAsync(string constituencyCode, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref seats);
        if (current is null || !current.FreshAt(clock.GetUtcNow(), Interlocked.Read(ref registerChanges)))
        {
            current = await ReadAsync(current, cancellationToken);
        }
        return current.Answers.TryGetValue(constituencyCode, out var answer)
            ? answer
            : new YourMpAnswer(YourMpOutcome.VacantSeat, ConstituencyCode: constituencyCode);
    }

    private async Task<Seats> ReadAsync(Seats? stale, CancellationToken cancellationToken)
    {
        // Once the seats are known, one lookup reads them again while the others answer from what is known.
        if (stale is not null && !await reading.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return stale;
        }
        if (stale is null)
        {
            await reading.WaitAsync(cancellationToken);
        }
        try
        {
            var known = Volatile.Read(ref seats);
            var changes = Interlocked.Read(ref registerChanges);
            var now = clock.GetUtcNow();
            if (known is not null && known.FreshAt(now, changes))
            {
                return known;
            }
            await using var scope = scopes.CreateAsyncScope();
            var read = new Seats(await ReadSeatsAsync(scope.ServiceProvider.GetRequiredService<ParliamentDbContext>(), cancellationToken), now, changes);
            Volatile.Write(ref seats, read);
            return read;
        }
        finally
        {
            reading.Release();
        }
    }

    private static async Task<FrozenDictionary<string, YourMpAnswer>> ReadSeatsAsync(ParliamentDbContext db, CancellationToken cancellationToken)
    {
        var members = await db.Parliamentarians.AsNoTracking()
            .Where(m => m.ConstituencyCode != null && m.House == House.Commons)
            .Select(m => new
            {
                m.Id,
                ConstituencyCode = m.ConstituencyCode!,
                m.Name,
                m.Party,
                m.Email,
                m.ConstituencyName,
                m.LeftOn,
                Membership = db.Memberships.Where(g => g.ParliamentarianId == m.Id).Select(g => new { g.Role, g.Removed }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return members.GroupBy(m => m.ConstituencyCode).ToFrozenDictionary(seat => seat.Key, seat =>
        {
            var name = seat.Select(m => m.ConstituencyName).FirstOrDefault(n => n is not null);
            if (seat.FirstOrDefault(m => m.LeftOn is null) is not { } mp)
            {
                return new YourMpAnswer(YourMpOutcome.VacantSeat, ConstituencyCode: seat.Key, Constituency: name);
            }
            var inGroup = mp.Membership is { Removed: false };
            return new YourMpAnswer(YourMpOutcome.Found, ConstituencyCode: seat.Key, Constituency: name,
                Mp: new YourMpMember(mp.Id, mp.Name, mp.Party, mp.Email, inGroup, inGroup ? mp.Membership!.Role : null));
        });
    }

    public void Dispose() => reading.Dispose();

    private sealed record Seats(FrozenDictionary<string, YourMpAnswer> Answers, DateTimeOffset ReadAt, long Changes)
    {
        public bool FreshAt(DateTimeOffset now, long changes) => changes == Changes && now - ReadAt < Freshness;
    }
}
