using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.Staff;

namespace Safeguard.Parliament.Bills;

/// <summary>A bill as its public page shows it: stages by date, its amendments (on the public page those the charity supports) and briefings (there, the published).</summary>
internal sealed record BillView(Bill Bill, IReadOnlyList<BillStage> Stages, IReadOnlyList<Amendment> Amendments, IReadOnlyList<Briefing> Briefings);

/// <summary>A briefing as its form gives it, on a bill and, when it is about one, an amendment of that bill.</summary>
internal sealed record BriefingInput(string Title, DateOnly Date, string Audience, string? CoSignedWith, string? Url, bool Published, int? AmendmentId);

/// <summary>
/// An amendment as its form gives it: the mover and supporters by name as the register has them (each must be found
/// there), the stage by id (one of the bill's own), and what became of it once debated.
/// </summary>
internal sealed record AmendmentInput(
    string? Number, string Clause, string ShortTitle, string? Text, string Mover, IReadOnlyList<string> Supporters,
    int? StageId, DateOnly? DebatedOn, AmendmentOutcome? Outcome, int? VotesFor, int? VotesAgainst, string? DebateUrl, bool Supported);

/// <summary>
/// The bills the charity follows, read for their pages, and what the secretariat records of them: the bill, its
/// stages, its amendments and its briefings, each change on the audit trail in its transaction (by id; the detail says
/// what changed, never the words).
/// </summary>
internal sealed class BillBook(ParliamentDbContext db, ParliamentAudit audit)
{
    public const string RecordType = "bill";

    public const string AmendmentRecordType = "bill-amendment";

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

    /// <summary>Starts following a bill; its slug is made from its title, and kept.</summary>
    public async Task<Bill> AddAsync(string title, string? parliamentUrl, CancellationToken cancellationToken)
    {
        var bill = new Bill { Slug = await PublicSlugs.FreeAsync(title, db.Bills.Select(b => b.Slug), cancellationToken), Title = title, ParliamentUrl = parliamentUrl };
        db.Bills.Add(bill);
        await audit.SaveAsync(AuditAction.Create, RecordType, () => Invariant(bill.Id), "bill added", cancellationToken);
        return bill;
    }

    /// <summary>Changes a bill's title and Parliament's address for it (its slug stays, so its address does); false when there is none.</summary>
    public async Task<bool> ChangeAsync(int billId, string title, string? parliamentUrl, CancellationToken cancellationToken)
    {
        if (await db.Bills.FirstOrDefaultAsync(b => b.Id == billId, cancellationToken) is not { } bill)
        {
            return false;
        }
        bill.Title = title;
        bill.ParliamentUrl = parliamentUrl;
        await audit.SaveAsync(AuditAction.Update, RecordType, () => Invariant(billId), "title and Parliament's address saved", cancellationToken);
        return true;
    }

    /// <summary>Records a stage of a bill in a House on its day; false when there is no such bill.</summary>
    public async Task<bool> AddStageAsync(int billId, House house, string name, DateOnly date, CancellationToken cancellationToken)
    {
        if (!await db.Bills.AnyAsync(b => b.Id == billId, cancellationToken))
        {
            return false;
        }
        db.BillStages.Add(new BillStage { BillId = billId, House = house, Name = name, Date = date });
        await audit.SaveAsync(AuditAction.Update, RecordType, () => Invariant(billId),
            string.Create(CultureInfo.InvariantCulture, $"{house} stage on {date:yyyy-MM-dd} added"), cancellationToken);
        return true;
    }

    /// <summary>An amendment of a bill, with its supporters and their register rows; null when the bill has no such amendment.</summary>
    public Task<Amendment?> FindAmendmentAsync(int billId, int amendmentId, CancellationToken cancellationToken) =>
        db.Amendments.AsNoTracking().Include(a => a.Mover).Include(a => a.Supporters).ThenInclude(s => s.Parliamentarian)
            .FirstOrDefaultAsync(a => a.Id == amendmentId && a.BillId == billId, cancellationToken);

    /// <summary>Adds an amendment to a bill; its id, or null when there is no such bill or the stage is not the bill's.</summary>
    /// <exception cref="UnknownParliamentariansException">The mover or a supporter is not on the register.</exception>
    public async Task<int?> AddAmendmentAsync(int billId, AmendmentInput input, CancellationToken cancellationToken)
    {
        if (!await HoldsAsync(billId, input.StageId, cancellationToken))
        {
            return null;
        }
        var amendment = new Amendment { BillId = billId, Clause = input.Clause, ShortTitle = input.ShortTitle };
        await FillAsync(amendment, input, cancellationToken);
        db.Amendments.Add(amendment);
        await audit.SaveAsync(AuditAction.Create, AmendmentRecordType, () => Invariant(amendment.Id), Described(billId, amendment), cancellationToken);
        return amendment.Id;
    }

    /// <summary>Changes an amendment (recording its outcome, say); false when the bill has no such amendment or the stage is not the bill's.</summary>
    /// <exception cref="UnknownParliamentariansException">The mover or a supporter is not on the register.</exception>
    public async Task<bool> ChangeAmendmentAsync(int billId, int amendmentId, AmendmentInput input, CancellationToken cancellationToken)
    {
        if (!await HoldsAsync(billId, input.StageId, cancellationToken)
            || await db.Amendments.Include(a => a.Supporters).FirstOrDefaultAsync(a => a.Id == amendmentId && a.BillId == billId, cancellationToken) is not { } amendment)
        {
            return false;
        }
        db.AmendmentSupporters.RemoveRange(amendment.Supporters);
        amendment.Supporters.Clear();
        await FillAsync(amendment, input, cancellationToken);
        await audit.SaveAsync(AuditAction.Update, AmendmentRecordType, () => Invariant(amendmentId), Described(billId, amendment), cancellationToken);
        return true;
    }

    private async Task<bool> HoldsAsync(int billId, int? stageId, CancellationToken cancellationToken) =>
        await db.Bills.AnyAsync(b => b.Id == billId, cancellationToken)
        && (stageId is not { } stage || await db.BillStages.AnyAsync(s => s.Id == stage && s.BillId == billId, cancellationToken));

    private async Task FillAsync(Amendment amendment, AmendmentInput input, CancellationToken cancellationToken)
    {
        var byName = await db.ResolveAsync([input.Mover, .. input.Supporters], cancellationToken);
        amendment.Number = input.Number;
        amendment.Clause = input.Clause;
        amendment.ShortTitle = input.ShortTitle;
        amendment.Text = input.Text;
        amendment.MoverId = byName[input.Mover];
        amendment.StageId = input.StageId;
        amendment.DebatedOn = input.DebatedOn;
        amendment.Outcome = input.Outcome;
        amendment.VotesFor = input.VotesFor;
        amendment.VotesAgainst = input.VotesAgainst;
        amendment.DebateUrl = input.DebateUrl;
        amendment.Supported = input.Supported;
        amendment.Supporters.AddRange(input.Supporters.Where(n => n != input.Mover).Distinct(StringComparer.Ordinal)
            .Select(n => new AmendmentSupporter { ParliamentarianId = byName[n] }));
    }

    private static string Described(int billId, Amendment amendment) => string.Create(CultureInfo.InvariantCulture,
        $"bill {billId}, {amendment.Supporters.Count} supporters, outcome {amendment.Outcome?.ToString() ?? "none"}, {(amendment.Supported ? "supported" : "not supported")}");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

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
        await audit.SaveAsync(AuditAction.Update, RecordType, () => Invariant(billId),
            $"{(input.Published ? "public" : "internal")} briefing added", cancellationToken);
        return true;
    }
}
