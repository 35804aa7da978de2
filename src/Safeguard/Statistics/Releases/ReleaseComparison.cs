using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Releases;

public sealed record FigureKey(string Measure, string Place, string PeriodKey, string Breakdown);

public enum FigureChangeKind { Added, Changed, Removed }

public sealed record FigureChange(FigureChangeKind Kind, FigureKey Key, ObservationRow? Before, ObservationRow? After);

/// <summary>Placeholder until the portal branch lands (its version replaces this file).</summary>
public sealed class ReleaseComparison
{
    private ReleaseComparison(IReadOnlyList<FigureChange> changes, int unchanged)
    {
        Changes = changes;
        Unchanged = unchanged;
    }

    public IReadOnlyList<FigureChange> Changes { get; }

    public int Added => Changes.Count(c => c.Kind == FigureChangeKind.Added);

    public int Changed => Changes.Count(c => c.Kind == FigureChangeKind.Changed);

    public int Removed => Changes.Count(c => c.Kind == FigureChangeKind.Removed);

    public int Unchanged { get; }

    public static ReleaseComparison Compare(IEnumerable<ObservationRow> before, IEnumerable<ObservationRow> after)
    {
        static FigureKey Key(ObservationRow r) => new(r.Measure, r.Place, r.PeriodKey, r.Breakdown);
        var old = before.ToDictionary(Key);
        var changes = new List<FigureChange>();
        var unchanged = 0;
        foreach (var row in after)
        {
            var key = Key(row);
            if (!old.Remove(key, out var was))
            {
                changes.Add(new(FigureChangeKind.Added, key, null, row));
            }
            else if (was.Value != row.Value || was.Status != row.Status || was.Note != row.Note)
            {
                changes.Add(new(FigureChangeKind.Changed, key, was, row));
            }
            else
            {
                unchanged++;
            }
        }
        changes.AddRange(old.Select(o => new FigureChange(FigureChangeKind.Removed, o.Key, o.Value, null)));
        return new(changes, unchanged);
    }
}
