using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Contracts;

/// <summary>A release whose figures cite a stored document.</summary>
/// <param name="Slug">The release, e.g. "2026-h1".</param>
/// <param name="Published">Whether it is published (its figures public) or still a draft.</param>
public sealed record ReleaseCitation(string Slug, bool Published);

/// <summary>
/// Which releases cite a file, known by its SHA-256: for other modules that keep source documents (FOI answers) to
/// show whether each one's figures have been imported, and where.
/// </summary>
public sealed class SourceCitations
{
    private readonly StatisticsDbContext db;

    // Internal: the context is the module's own; AddStatistics builds it for other modules.
    internal SourceCitations(StatisticsDbContext db) => this.db = db;

    /// <summary>For each hash that any release's figures cite, the releases citing it, published ones first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ReleaseCitation>>> ReleasesCitingAsync(IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        if (sha256s.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<ReleaseCitation>>();
        }
        var rows = await (
                from document in db.SourceDocuments
                where sha256s.Contains(document.Sha256)
                from release in db.Releases
                where release.Observations.Any(o => o.SourceDocumentId == document.Id)
                select new { document.Sha256, release.Slug, release.Status, release.Id })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ReleaseCitation>)
            [.. g.OrderBy(r => r.Status == ReleaseStatus.Published ? 0 : 1).ThenBy(r => r.Id).Select(r => new ReleaseCitation(r.Slug, r.Status == ReleaseStatus.Published))],
            StringComparer.Ordinal);
    }
}
