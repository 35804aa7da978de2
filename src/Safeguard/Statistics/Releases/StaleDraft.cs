using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Releases;

/// <summary>
/// A draft left behind by a release published after it was started: it holds none of that release's figures, so
/// publishing it would drop them. It can be neither published nor imported into; a new draft starts from the latest.
/// </summary>
internal static class StaleDraft
{
    /// <summary>
    /// Why <paramref name="draft"/> is left behind, as the middle of a sentence ("release '2025-h1' was started from
    /// '2024', but ..."), or null when it starts from the latest published release.
    /// </summary>
    public static async Task<string?> ProblemAsync(StatisticsDbContext db, Release draft, CancellationToken cancellationToken)
    {
        if (await new StatisticsReader(db).LatestReleaseAsync(cancellationToken) is not { } latest || latest.Id == draft.SupersedesId)
        {
            return null;
        }
        var started = draft.SupersedesId is { } basis
            ? $"'{await db.Releases.AsNoTracking().Where(r => r.Id == basis).Select(r => r.Slug).FirstAsync(cancellationToken)}'"
            : "no published release";
        return $"release '{draft.Slug}' was started from {started}, but '{latest.Slug}' has been published since, and its figures are not in this draft. Import into a new release, which starts from '{latest.Slug}'";
    }

    /// <summary>The problem as a sentence of its own.</summary>
    public static string Sentence(string problem) => $"{char.ToUpperInvariant(problem[0])}{problem[1..]}.";
}
