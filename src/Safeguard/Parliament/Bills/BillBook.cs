using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Staff;

namespace Safeguard.Parliament.Bills;

/// <summary>A bill as its public page shows it: stages by date, its amendments (on the public page those the charity supports) and briefings (there, the published).</summary>
internal sealed record BillView(Bill Bill, IReadOnlyList<BillStage> Stages, IReadOnlyList<Amendment> Amendments, IReadOnlyList<Briefing> Briefings);

/// <summary>A briefing as its form gives it, on a bill and, when it is about one, an amendment of that bill.</summary>
internal sealed record BriefingInput(string Title, DateOnly Date, string Audience, string? CoSignedWith, string? Url, bool Published, int? AmendmentId);

/// <summary>The bills the charity follows, read for their pages, and the briefings the secretariat adds (audited).</summary>
internal sealed class BillBook(ParliamentDbContext db, ParliamentAudit audit)
{
    public const string RecordType = "bill";

    public Task<List<Bill>> ListAsync(CancellationToken cancellationToken) =>
        db.Bills.AsNoTracking().OrderBy(b => b.Title).ToListAsync(cancellationToken);

    /// <summary>
    /// A bill whole by its slug, or null. For the public page (<paramref name="forPublic"/>) only the amendments the
    /// charity supports and the briefings published; for the secretariat, all of them.
    /// </summary>
    public async Task<BillView?> ReadAsync(string slug, bool forPublic, CancellationToken cancellationToken)
    {
        var bill = await db.Bills.AsNoTracking().AsSplitQuery()
            .Include(b => b.Stages)
            .Include(b => b.Amendments).ThenInclude(a => a.Mover)
            .Include(b => b.Amendments).ThenInclude(a => a.Supporters).ThenInclude(s => s.Parliamentarian)
            .Include(b => b.Amendments).ThenInclude(a => a.Stage)
            .Include(b => b.Briefings)
            .FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (bill is null)
        {
            return null;
        }
        return new BillView(bill,
            [.. bill.Stages.OrderBy(s => s.Date).ThenBy(s => s.Id)],
            [.. bill.Amendments.Where(a => !forPublic || a.Supported).OrderBy(a => a.DebatedOn ?? DateOnly.MaxValue).ThenBy(a => a.Id)],
            [.. bill.Briefings.Where(b => !forPublic || b.Published).OrderBy(b => b.Date).ThenBy(b => b.Id)]);
    }

    /// <summary>
    /// Adds a briefing to a bill; false when there is no such bill, or the amendment named is not one of its own. The
    /// audit entry names the bill and whether the briefing is public.
    /// </summary>
    public async Task<bool> AddBriefingAsync(int billId, BriefingInput input, CancellationToken cancellationToken)
    {
        if (!await db.Bills.AnyAsync(b => b.Id == billId, cancellationToken)
            || (input.AmendmentId is { } amendment && !await db.Amendments.AnyAsync(a => a.Id == amendment && a.BillId == billId, cancellationToken)))
        {
            return false;
        }
        db.Briefings.Add(new Briefing
        {
            BillId = billId,
            Title = input.Title,
            Date = input.Date,
            Audience = input.Audience,
            CoSignedWith = input.CoSignedWith,
            Url = input.Url,
            Published = input.Published,
            AmendmentId = input.AmendmentId,
        });
        await audit.SaveAsync(AuditAction.Update, RecordType, () => billId.ToString(CultureInfo.InvariantCulture),
            $"{(input.Published ? "public" : "internal")} briefing added", cancellationToken);
        return true;
    }
}
