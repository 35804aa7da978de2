using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Data;
using Safeguard.Platform;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// A cohort whose figures were shown (on the page or in the CSV), remembered so that a later cohort nested in it, or
/// around it, cannot give away the few clients between them by subtraction (<see cref="CohortDifferencing"/>). Only
/// the definition and when: no person, no figure, and not who looked (the audit trail has that).
/// </summary>
internal sealed class CohortView
{
    public int Id { get; set; }

    /// <summary><see cref="CohortDefinition.Key"/>: one row per definition.</summary>
    public required string Key { get; set; }

    /// <summary><see cref="CohortDefinition.Canonical"/>.</summary>
    public required string Definition { get; set; }

    public DateTime FirstShownAtUtc { get; set; }

    public DateTime LastShownAtUtc { get; set; }
}

/// <summary>
/// The cohorts shown, charity-wide: a figure once shown to one member of staff (or downloaded) is as good as shown to
/// all, so the memory is not per reader.
/// </summary>
internal sealed class CohortMemory(CaseworkDbContext db, CaseworkSettings settings)
{
    /// <summary>What <see cref="RememberAsync"/> found, so that <see cref="ForgetAsync"/> can put it back.</summary>
    /// <param name="Key">The definition's key.</param>
    /// <param name="PreviouslyShownAtUtc">When it was last shown before, or null when it never was.</param>
    public sealed record Remembered(string Key, DateTime? PreviouslyShownAtUtc);

    /// <summary>
    /// Remembers <paramref name="definition"/> as shown now, before its figures are worked out: of two cohorts shown at
    /// the same moment, the second to look at the memory then finds the first, so at least one is compared with the other.
    /// </summary>
    public async Task<Remembered> RememberAsync(CohortDefinition definition, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var key = definition.Key;
        var previous = await db.CohortViews.Where(v => v.Key == key).Select(v => (DateTime?)v.LastShownAtUtc).SingleOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            db.CohortViews.Add(new CohortView { Key = key, Definition = definition.Canonical, FirstShownAtUtc = nowUtc, LastShownAtUtc = nowUtc });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Remembered(key, null);
            }
            catch (DbUpdateException failure) when (failure.IsUniqueViolation())
            {
                // Shown by another request at the same moment: it is remembered; only the time is left to update.
                db.ChangeTracker.Clear();
            }
        }
        await db.CohortViews.Where(v => v.Key == key).ExecuteUpdateAsync(v => v.SetProperty(x => x.LastShownAtUtc, nowUtc), cancellationToken);
        return new Remembered(key, previous ?? nowUtc);
    }

    /// <summary>Undoes <see cref="RememberAsync"/> when nothing was shown after all: a cohort that showed nothing gives nothing to subtract from.</summary>
    public async Task ForgetAsync(Remembered remembered, CancellationToken cancellationToken)
    {
        var views = db.CohortViews.Where(v => v.Key == remembered.Key);
        if (remembered.PreviouslyShownAtUtc is { } previous)
        {
            await views.ExecuteUpdateAsync(v => v.SetProperty(x => x.LastShownAtUtc, previous), cancellationToken);
        }
        else
        {
            await views.ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The other cohorts shown within <see cref="CaseworkSettings.DifferencingDays"/>, the most recently shown first,
    /// at most <see cref="CaseworkSettings.DifferencingCohorts"/> of them.
    /// </summary>
    public async Task<IReadOnlyList<CohortDefinition>> RecallAsync(string exceptKey, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var since = nowUtc.AddDays(-settings.DifferencingDays);
        var shown = await db.CohortViews.AsNoTracking().Where(v => v.Key != exceptKey && v.LastShownAtUtc >= since)
            .OrderByDescending(v => v.LastShownAtUtc).ThenByDescending(v => v.Id).Take(settings.DifferencingCohorts)
            .Select(v => v.Definition).ToListAsync(cancellationToken);
        return [.. shown.Select(CohortDefinition.Parse)];
    }
}
