using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Contracts;

/// <summary>A place where people are held: its slug (stable, stored by other modules) and its name.</summary>
public sealed record PlaceOfDetention(string Slug, string Name);

/// <summary>
/// The statistics module's places that are places of detention (centres, holding facilities, pre-departure
/// accommodation, the prison estate; not reporting categories such as "All IRCs"), for other modules to offer and
/// name. Centres open, close and change hands, so they are data: a module stores the slug and asks here for the name.
/// </summary>
public sealed class PlacesOfDetention
{
    private readonly StatisticsDbContext db;

    // Internal: the context is the module's own; AddStatistics builds it for other modules.
    internal PlacesOfDetention(StatisticsDbContext db) => this.db = db;

    /// <summary>Every place of detention, in the portal's order.</summary>
    public async Task<IReadOnlyList<PlaceOfDetention>> ListAsync(CancellationToken cancellationToken) =>
        await db.Places.AsNoTracking().Where(p => p.Kind != PlaceKind.Category).OrderBy(p => p.DisplayOrder)
            .Select(p => new PlaceOfDetention(p.Slug, p.Name)).ToListAsync(cancellationToken);
}
