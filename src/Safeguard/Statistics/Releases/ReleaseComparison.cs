using Safeguard.Statistics.Reading;

namespace Safeguard.Statistics.Releases;

/// <summary>What identifies a figure across releases: measure, place, period and breakdown (slugs and keys).</summary>
internal sealed record FigureKey(string Measure, string Place, string PeriodKey, string Breakdown)
{
    /// <summary>The key of a row.</summary>
    public static FigureKey Of(ObservationRow row) => new(row.Measure, row.Place, row.PeriodKey, row.Breakdown);
}

/// <summary>How a figure differs between two releases.</summary>
internal enum FigureChangeKind
{
    /// <summary>Only the later release has the figure.</summary>
    Added,
    /// <summary>Both have it, with a different value, status or note.</summary>
    Changed,
    /// <summary>Only the earlier release has the figure.</summary>
    Removed,
}

/// <summary>One figure that differs: its row before (null when added) and after (null when removed).</summary>
internal sealed record FigureChange(FigureChangeKind Kind, FigureKey Key, ObservationRow? Before, ObservationRow? After)
{
    /// <summary>The row to describe the figure by (measure and place names, period label): after if there is one.</summary>
    public ObservationRow Row => After ?? Before!;
}

/// <summary>
/// The differences between two sets of figures, usually two releases (a release and its correction) or a release
/// and an import about to become one. Figures are matched by <see cref="FigureKey"/>. A figure has changed when its
/// value, status or note differ; a new source document or location for the same value, status and note is not a
/// change, so re-issuing a table without touching its numbers shows nothing.
/// </summary>
internal sealed class ReleaseComparison
{
    private ReleaseComparison(IReadOnlyList<FigureChange> changes, int unchanged)
    {
        Changes = changes;
        Added = changes.Count(c => c.Kind == FigureChangeKind.Added);
        Changed = changes.Count(c => c.Kind == FigureChangeKind.Changed);
        Removed = changes.Count(c => c.Kind == FigureChangeKind.Removed);
        Unchanged = unchanged;
    }

    /// <summary>
    /// The figures that differ, in the display order of <c>after</c>, each removed figure placed after the figure
    /// that preceded it in <c>before</c>, so a table of changes reads in the same order as the releases.
    /// </summary>
    public IReadOnlyList<FigureChange> Changes { get; }

    /// <summary>How many figures only <c>after</c> has.</summary>
    public int Added { get; }

    /// <summary>How many figures both have with a different value, status or note.</summary>
    public int Changed { get; }

    /// <summary>How many figures only <c>before</c> has.</summary>
    public int Removed { get; }

    /// <summary>How many figures both have alike.</summary>
    public int Unchanged { get; }

    /// <summary>Compares two sets of figures, each holding any key at most once.</summary>
    /// <exception cref="ArgumentException">A set holds a key twice (a release cannot; an unchecked import might).</exception>
    public static ReleaseComparison Compare(IEnumerable<ObservationRow> before, IEnumerable<ObservationRow> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeRows = before.ToList();
        var afterRows = after.ToList();
        var beforeByKey = Index(beforeRows, nameof(before));
        var afterByKey = Index(afterRows, nameof(after));

        // Sort positions: (index in after, 0) for figures after holds; (index in after of the nearest earlier figure
        // of before that after also holds, 1 + index in before) for removed ones, so they follow their neighbour.
        var ordered = new List<(int Anchor, int Offset, FigureChange Change)>();
        var unchanged = 0;
        for (var i = 0; i < afterRows.Count; i++)
        {
            var row = afterRows[i];
            var key = FigureKey.Of(row);
            if (!beforeByKey.TryGetValue(key, out var previous))
            {
                ordered.Add((i, 0, new FigureChange(FigureChangeKind.Added, key, null, row)));
            }
            else if (Differs(previous.Row, row))
            {
                ordered.Add((i, 0, new FigureChange(FigureChangeKind.Changed, key, previous.Row, row)));
            }
            else
            {
                unchanged++;
            }
        }
        var anchor = -1;
        for (var i = 0; i < beforeRows.Count; i++)
        {
            var row = beforeRows[i];
            var key = FigureKey.Of(row);
            if (afterByKey.TryGetValue(key, out var kept))
            {
                anchor = kept.Index;
            }
            else
            {
                ordered.Add((anchor, 1 + i, new FigureChange(FigureChangeKind.Removed, key, row, null)));
            }
        }
        return new(
            [.. ordered.OrderBy(o => o.Anchor).ThenBy(o => o.Offset).Select(o => o.Change)],
            unchanged);
    }

    /// <summary>Value, status and note: what a reader of the figure sees. An absent note and an empty one are alike.</summary>
    public static bool Differs(ObservationRow before, ObservationRow after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Value != after.Value
            || before.Status != after.Status
            || !string.Equals(before.Note ?? "", after.Note ?? "", StringComparison.Ordinal);
    }

    private static Dictionary<FigureKey, (ObservationRow Row, int Index)> Index(List<ObservationRow> rows, string name)
    {
        var byKey = new Dictionary<FigureKey, (ObservationRow, int)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var key = FigureKey.Of(rows[i]);
            if (!byKey.TryAdd(key, (rows[i], i)))
            {
                throw new ArgumentException(
                    $"The figures hold {key.Measure} at {key.Place} for {key.PeriodKey}{(key.Breakdown.Length > 0 ? $" ({key.Breakdown})" : "")} twice; each figure may appear once.",
                    name);
            }
        }
        return byKey;
    }
}
