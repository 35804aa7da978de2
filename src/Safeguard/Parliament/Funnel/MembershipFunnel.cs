using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.Funnel;

/// <summary>An MP on the funnel page: their seat, the letters constituents started to them, and the secretariat's stages.</summary>
internal sealed record FunnelRow(int Id, string Name, string? Constituency, string? Party, bool InGroup, int LettersStarted,
    DateOnly? AskedOn, DateOnly? RepliedOn, DateOnly? JoinedOn);

/// <summary>The dates of the three stages as staff record them; a stage not reached has none.</summary>
internal sealed record FunnelStages(DateOnly? AskedOn, DateOnly? RepliedOn, DateOnly? JoinedOn);

/// <summary>
/// Per MP, asked -> replied -> joined: what the secretariat did and heard, beside how many letters constituents
/// started (counted by <see cref="YourMp.LettersStarted"/>). Every change is on the audit trail, in its transaction.
/// </summary>
internal sealed class MembershipFunnel(ParliamentDbContext db, IAuditTrail audit, IAuditOrigin origin)
{
    public const string RecordType = "parliament-membership-request";

    /// <summary>Sitting MPs, those with the most letters started first.</summary>
    public async Task<IReadOnlyList<FunnelRow>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await Rows(db.Parliamentarians.Where(m => m.House == House.Commons && m.ConstituencyCode != null && m.LeftOn == null)).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.LettersStarted).ThenBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>One sitting MP's row, or null for anyone else.</summary>
    public Task<FunnelRow?> FindAsync(int parliamentarianId, CancellationToken cancellationToken) =>
        Rows(db.Parliamentarians.Where(m => m.Id == parliamentarianId && m.House == House.Commons && m.ConstituencyCode != null && m.LeftOn == null))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task RecordAsync(int parliamentarianId, FunnelStages stages, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var request = await db.MembershipRequests.SingleOrDefaultAsync(r => r.ParliamentarianId == parliamentarianId, cancellationToken);
            var action = request is null ? AuditAction.Create : AuditAction.Update;
            if (request is null)
            {
                request = new MembershipRequest { ParliamentarianId = parliamentarianId };
                db.MembershipRequests.Add(request);
            }
            request.AskedOn = stages.AskedOn;
            request.RepliedOn = stages.RepliedOn;
            request.JoinedOn = stages.JoinedOn;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEvent(origin.Actor, action, RecordType, parliamentarianId.ToString(CultureInfo.InvariantCulture), origin.Source,
                $"asked {Day(stages.AskedOn)}, replied {Day(stages.RepliedOn)}, joined {Day(stages.JoinedOn)}"), transaction.GetDbTransaction(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private IQueryable<FunnelRow> Rows(IQueryable<Parliamentarian> mps) =>
        from m in mps
        let request = db.MembershipRequests.FirstOrDefault(r => r.ParliamentarianId == m.Id)
        select new FunnelRow(m.Id, m.Name, m.ConstituencyName, m.Party,
            db.Memberships.Any(g => g.ParliamentarianId == m.Id && !g.Removed),
            db.LettersStarted.Where(c => c.ConstituencyCode == m.ConstituencyCode).Sum(c => (int?)c.Letters) ?? 0,
            request == null ? null : request.AskedOn, request == null ? null : request.RepliedOn, request == null ? null : request.JoinedOn);
}
