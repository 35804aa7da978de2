using Safeguard.Casework.Data;

namespace Safeguard.Casework.Cohorts;

/// <summary>The raw counts of a cohort, before suppression; never shown as they are.</summary>
internal sealed record CohortCounts(int Size, int WithReport, int TortureSurvivors, int SuicidalThoughts, int Ptsd, int Released, int ReleasedWithReport);

/// <summary>A cohort's figures as they may be shown: the whole cohort, and those of it with a medico-legal report.</summary>
internal sealed record CohortFigures(SuppressedCohort Cohort, SuppressedCohort WithReport)
{
    /// <summary>Whether anything at all is shown: a cohort whose size is held back shows nothing.</summary>
    public bool ShowsAnything => Cohort.Size is not null;
}

/// <summary>
/// Counts a cohort over every case (aggregates are the charity's, not one member of staff's) and applies
/// <see cref="SmallNumberSuppression"/>: the figures the charity publishes ("90% of 73 clients who received a
/// medico-legal report were released"; "82% torture survivors, 78% with suicidal thoughts, all released"). Figures
/// that, with those of a cohort shown before, would give away a few clients by subtraction are held back too
/// (<see cref="CohortDifferencing"/>).
/// </summary>
internal sealed class CohortQuery(CaseworkDbContext db, CohortMemory memory, CaseworkSettings settings, TimeProvider time)
{
    public const string WithReport = "with a medico-legal report";
    public const string TortureSurvivors = "torture survivors";
    public const string SuicidalThoughts = "with suicidal thoughts";
    public const string Ptsd = "with post-traumatic stress disorder";
    public const string Released = "released";

    /// <summary>
    /// The figures of <paramref name="definition"/> as they may be shown now, remembering that they were (unless
    /// nothing is shown), so that later cohorts are compared with this one.
    /// </summary>
    public async Task<CohortFigures> ShowAsync(CohortDefinition definition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Remembered first, so that of two cohorts shown at once, at least one is compared with the other.
        var remembered = await memory.RememberAsync(definition, now, cancellationToken);
        var others = await memory.RecallAsync(remembered.Key, now, cancellationToken);
        var clients = new CohortPopulation(await ClientFacts.LoadAsync(db, cancellationToken));
        var suppression = new SmallNumberSuppression(settings.SuppressionThreshold);
        var figures = Suppress(clients.Counts(clients.Cohort(definition)), suppression,
            [.. CohortDifferencing.Differences(clients, definition, others).Select(d => Suppress(d, suppression))]);
        if (!figures.ShowsAnything)
        {
            await memory.ForgetAsync(remembered, cancellationToken);
        }
        return figures;
    }

    /// <summary>
    /// The two blocks through the suppression rules, then held back wherever a difference from a cohort shown before
    /// holds back its counterpart (<paramref name="differences"/>, each suppressed as a cohort is). The rules between
    /// the blocks are applied before that, so a difference only ever holds back more than the cohort alone would, and
    /// again after, for what it held back.
    /// </summary>
    public static CohortFigures Suppress(CohortCounts counts, SmallNumberSuppression suppression, IReadOnlyList<CohortFigures>? differences = null)
    {
        var figures = BetweenBlocks(new CohortFigures(
            suppression.Apply(counts.Size, [
                new(WithReport, counts.WithReport), new(TortureSurvivors, counts.TortureSurvivors), new(SuicidalThoughts, counts.SuicidalThoughts),
                new(Ptsd, counts.Ptsd), new(Released, counts.Released)]),
            suppression.Apply(counts.WithReport, [new(Released, counts.ReleasedWithReport)])), counts, suppression);
        foreach (var difference in differences ?? [])
        {
            figures = new CohortFigures(figures.Cohort.HoldBackWhereHeldBackIn(difference.Cohort), figures.WithReport.HoldBackWhereHeldBackIn(difference.WithReport));
        }
        return differences is { Count: > 0 } ? BetweenBlocks(figures, counts, suppression) : figures;
    }

    /// <summary>
    /// The second block is a part of the first, so more is held back there: it shows nothing when the first does not
    /// show how many have a report (its size would give away those without one), and it holds back "released" when
    /// that count, with the first block's, would give away a small number by subtraction: those released without a
    /// report, or those without a report not released.
    /// </summary>
    private static CohortFigures BetweenBlocks(CohortFigures figures, CohortCounts counts, SmallNumberSuppression suppression)
    {
        var report = figures.Cohort.Counts[0];
        var releasedShown = !figures.Cohort.Counts[^1].Suppressed;
        var releasedWithout = counts.Released - counts.ReleasedWithReport;
        var notReleasedWithout = counts.Size - counts.WithReport - releasedWithout;
        if (report.Suppressed)
        {
            return figures with { WithReport = figures.WithReport.HoldBackAll(report.Reason) };
        }
        if (releasedShown && (suppression.IsSmall(releasedWithout) || suppression.IsSmall(notReleasedWithout)))
        {
            return figures with { WithReport = figures.WithReport with { Counts = [.. figures.WithReport.Counts.Select(c => c.HoldBack(HeldBack.Complement))] } };
        }
        return figures;
    }
}
