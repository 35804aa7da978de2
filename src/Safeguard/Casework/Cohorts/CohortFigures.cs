using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Data;
using Safeguard.Casework.Records;

namespace Safeguard.Casework.Cohorts;

/// <summary>The raw counts of a cohort, before suppression; never shown as they are.</summary>
internal sealed record CohortCounts(int Size, int WithReport, int TortureSurvivors, int SuicidalThoughts, int Ptsd, int Released, int ReleasedWithReport);

/// <summary>A cohort's figures as they may be shown: the whole cohort, and those of it with a medico-legal report.</summary>
internal sealed record CohortFigures(SuppressedCohort Cohort, SuppressedCohort WithReport);

/// <summary>
/// Counts a cohort over every case (aggregates are the charity's, not one member of staff's), in SQL, and applies
/// <see cref="SmallNumberSuppression"/>: the figures the charity publishes ("90% of 73 clients who received a
/// medico-legal report were released"; "82% torture survivors, 78% with suicidal thoughts, all released").
/// </summary>
internal sealed class CohortQuery(CaseworkDbContext db, CaseworkSettings settings)
{
    public const string WithReport = "with a medico-legal report";
    public const string TortureSurvivors = "torture survivors";
    public const string SuicidalThoughts = "with suicidal thoughts";
    public const string Ptsd = "with post-traumatic stress disorder";
    public const string Released = "released";

    public async Task<CohortFigures> FiguresAsync(CohortDefinition definition, CancellationToken cancellationToken) =>
        Suppress(await CountAsync(definition, cancellationToken), new SmallNumberSuppression(settings.SuppressionThreshold));

    public async Task<CohortCounts> CountAsync(CohortDefinition definition, CancellationToken cancellationToken)
    {
        var cohort = db.Clients.AsNoTracking();
        foreach (var tag in definition.Tags)
        {
            cohort = cohort.Where(c => c.Tags.Any(t => t.Tag == tag));
        }
        if (definition.From is { } from)
        {
            cohort = cohort.Where(c => c.OpenedOn >= from);
        }
        if (definition.To is { } to)
        {
            cohort = cohort.Where(c => c.OpenedOn <= to);
        }
        if (definition.CentreSlug is { } centre)
        {
            cohort = cohort.Where(c => c.Episodes.Any(e => e.CentreSlug == centre));
        }
        if (definition.Outcome is { } outcome)
        {
            cohort = cohort.Where(c => c.Outcome == outcome);
        }
        var withReport = cohort.Where(c => c.Documents.Any(d => d.Kind == DocumentKind.MedicoLegalReport));
        return new CohortCounts(
            await cohort.CountAsync(cancellationToken),
            await withReport.CountAsync(cancellationToken),
            await cohort.CountAsync(c => c.Assessments.Any(a => a.SupportsTortureAccount), cancellationToken),
            await cohort.CountAsync(c => c.Assessments.Any(a => a.SuicidalThoughts), cancellationToken),
            await cohort.CountAsync(c => c.Assessments.Any(a => a.Ptsd), cancellationToken),
            await cohort.CountAsync(c => c.Outcome == Outcome.Released, cancellationToken),
            await withReport.CountAsync(c => c.Outcome == Outcome.Released, cancellationToken));
    }

    /// <summary>
    /// The two blocks through the suppression rules. The second is a part of the first, so more is held back there:
    /// it shows nothing when the first does not show how many have a report (its size would give away those without
    /// one), and it holds back "released" when that count, with the first block's, would give away a small number by
    /// subtraction: those released without a report, or those without a report not released.
    /// </summary>
    public static CohortFigures Suppress(CohortCounts counts, SmallNumberSuppression suppression)
    {
        var cohort = suppression.Apply(counts.Size, [
            new(WithReport, counts.WithReport), new(TortureSurvivors, counts.TortureSurvivors), new(SuicidalThoughts, counts.SuicidalThoughts),
            new(Ptsd, counts.Ptsd), new(Released, counts.Released)]);
        var withReport = suppression.Apply(counts.WithReport, [new(Released, counts.ReleasedWithReport)]);
        var reportShown = cohort.Counts[0].Count is not null;
        var releasedShown = cohort.Counts[^1].Count is not null;
        var releasedWithout = counts.Released - counts.ReleasedWithReport;
        var notReleasedWithout = counts.Size - counts.WithReport - releasedWithout;
        if (!reportShown)
        {
            withReport = new SuppressedCohort(null, [new ShownCount(Released, null, null)], suppression.Threshold);
        }
        else if (releasedShown && (suppression.IsSmall(releasedWithout) || suppression.IsSmall(notReleasedWithout)))
        {
            withReport = withReport with { Counts = [new ShownCount(Released, null, null)] };
        }
        return new CohortFigures(cohort, withReport);
    }
}
