using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Documents;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// What cohorts are defined by and counted on, for one client, without personal data: the plain columns and yes or
/// no for each measure. Read for every client at once into a <see cref="CohortPopulation"/>, so that any number of
/// cohorts (the one asked for, and those it is compared with by <see cref="CohortDifferencing"/>) are found and
/// counted in memory rather than a query each.
/// </summary>
/// <param name="Id">The client's row.</param>
/// <param name="OpenedOn">The day the case was opened.</param>
/// <param name="Outcome">How the case ended, or that it has not.</param>
/// <param name="Tags">The client's tags.</param>
/// <param name="Centres">The places the client was held, each once.</param>
/// <param name="WithReport">Whether a medico-legal report is on the case.</param>
/// <param name="TortureSurvivor">Whether an assessment found the findings support the account of torture.</param>
/// <param name="SuicidalThoughts">Whether an assessment found suicidal thoughts.</param>
/// <param name="Ptsd">Whether an assessment found post-traumatic stress disorder.</param>
internal sealed record ClientFacts(
    int Id, DateOnly OpenedOn, Outcome Outcome, string[] Tags, string[] Centres, bool WithReport, bool TortureSurvivor, bool SuicidalThoughts, bool Ptsd)
{
    /// <summary>
    /// Every client's facts, in seven plain queries (clients; those with a report; with each finding; tags; places),
    /// each a scan of one table: measured faster, on PostgreSQL especially, than one query of clients with a
    /// correlated subquery for each measure.
    /// </summary>
    public static async Task<IReadOnlyList<ClientFacts>> LoadAsync(CaseworkDbContext db, CancellationToken cancellationToken)
    {
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.OpenedOn, c.Outcome }).ToListAsync(cancellationToken);
        var withReport = await ClientsAsync(db.Documents.Where(d => d.Kind == DocumentKind.MedicoLegalReport).Select(d => d.ClientId), cancellationToken);
        var tortureSurvivors = await ClientsAsync(db.Assessments.Where(a => a.SupportsTortureAccount).Select(a => a.ClientId), cancellationToken);
        var suicidalThoughts = await ClientsAsync(db.Assessments.Where(a => a.SuicidalThoughts).Select(a => a.ClientId), cancellationToken);
        var ptsd = await ClientsAsync(db.Assessments.Where(a => a.Ptsd).Select(a => a.ClientId), cancellationToken);
        var tags = (await db.Tags.AsNoTracking().Select(t => new { t.ClientId, t.Tag }).ToListAsync(cancellationToken))
            .ToLookup(t => t.ClientId, t => t.Tag);
        var centres = (await db.Episodes.AsNoTracking().Select(e => new { e.ClientId, e.CentreSlug }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(e => e.ClientId, e => e.CentreSlug);
        return [.. clients.Select(c => new ClientFacts(c.Id, c.OpenedOn, c.Outcome, [.. tags[c.Id]], [.. centres[c.Id]],
            withReport.Contains(c.Id), tortureSurvivors.Contains(c.Id), suicidalThoughts.Contains(c.Id), ptsd.Contains(c.Id)))];
    }

    private static async Task<HashSet<int>> ClientsAsync(IQueryable<int> clientIds, CancellationToken cancellationToken) =>
        [.. await clientIds.Distinct().ToListAsync(cancellationToken)];
}
