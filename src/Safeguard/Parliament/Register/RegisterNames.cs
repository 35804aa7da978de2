using Microsoft.EntityFrameworkCore;
using Safeguard.Parliament.Data;

namespace Safeguard.Parliament.Register;

/// <summary>The names a form gave that the register does not hold (or holds twice), so it cannot be saved as typed.</summary>
internal sealed class UnknownParliamentariansException(IReadOnlyList<string> names)
    : Exception($"Not on the register: {string.Join(", ", names)}")
{
    public IReadOnlyList<string> Names => names;
}

/// <summary>
/// Parliamentarians named on a form (a meeting's attendees, an amendment's mover and supporters) as the register names
/// them: typed, so a list of any length needs no script, and each found exactly once or the form is refused.
/// </summary>
internal static class RegisterNames
{
    /// <summary>Each name's register row id.</summary>
    /// <exception cref="UnknownParliamentariansException">A name the register lacks, or holds twice.</exception>
    public static async Task<IReadOnlyDictionary<string, int>> ResolveAsync(this ParliamentDbContext db, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var found = await db.Parliamentarians.AsNoTracking().Where(p => names.Contains(p.Name)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var byName = found.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToList(), StringComparer.Ordinal);
        var unknown = names.Where(n => !byName.TryGetValue(n, out var ids) || ids.Count != 1).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownParliamentariansException(unknown);
        }
        return byName.ToDictionary(p => p.Key, p => p.Value[0], StringComparer.Ordinal);
    }
}
