using Microsoft.EntityFrameworkCore;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Data;

namespace Safeguard.Foi.Holidays;

/// <summary>What an import changed.</summary>
/// <param name="Read">Bank holidays in the file.</param>
/// <param name="New">Those not known before (neither shipped nor imported earlier).</param>
/// <param name="Changed">Those known before under another title or note, now corrected.</param>
/// <param name="Before">The years covered before the import.</param>
/// <param name="After">The years covered after it.</param>
internal sealed record BankHolidayImport(int Read, int New, int Changed, CoveredYears Before, CoveredYears After);

/// <summary>
/// The bank holidays the clock counts with: the GOV.UK feed shipped with Safeguard, merged with every feed file imported
/// since (one holiday per division and date; an imported one wins, so a corrected title is taken).
/// </summary>
internal sealed class BankHolidayStore(FoiDbContext db, TimeProvider clock)
{
    /// <summary>The shipped and imported bank holidays, for the working-day calendar.</summary>
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken cancellationToken) =>
        new(await AllAsync(cancellationToken));

    /// <summary>Every known bank holiday, shipped ones first, then imported ones.</summary>
    public async Task<List<BankHoliday>> AllAsync(CancellationToken cancellationToken)
    {
        var imported = await db.BankHolidays.AsNoTracking().ToListAsync(cancellationToken);
        return [.. BankHolidayFeed.Shipped, .. imported.Select(h => h.ToBankHoliday())];
    }

    /// <summary>Stores a parsed feed in one transaction: every holiday in it is added or corrected, none is removed.</summary>
    public async Task<BankHolidayImport> ImportAsync(IReadOnlyList<BankHoliday> feed, string fileName, CancellationToken cancellationToken)
    {
        var known = (await AllAsync(cancellationToken)).GroupBy(h => (h.Division, h.Date)).ToDictionary(g => g.Key, g => g.Last());
        var before = new WorkingDayCalendar(known.Values).Covered;
        var rows = await db.BankHolidays.ToDictionaryAsync(h => (h.Division, h.Date), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, changed = 0;
        foreach (var holiday in feed)
        {
            if (!known.TryGetValue((holiday.Division, holiday.Date), out var existing))
            {
                added++;
            }
            else if (existing.Title != holiday.Title || existing.Notes != holiday.Notes)
            {
                changed++;
            }
            if (!rows.TryGetValue((holiday.Division, holiday.Date), out var row))
            {
                row = new ImportedBankHoliday { Division = holiday.Division, Date = holiday.Date, Title = "", Notes = "", SourceFile = "" };
                db.BankHolidays.Add(row);
            }
            row.Title = holiday.Title;
            row.Notes = holiday.Notes;
            row.SourceFile = fileName.Length > 260 ? fileName[..260] : fileName;
            row.ImportedAtUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        var after = new WorkingDayCalendar([.. known.Values, .. feed]).Covered;
        return new BankHolidayImport(feed.Count, added, changed, before, after);
    }
}
