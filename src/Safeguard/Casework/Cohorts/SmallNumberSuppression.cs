using System.Globalization;

namespace Safeguard.Casework.Cohorts;

/// <summary>How many people in a cohort have one characteristic or outcome ("released", "torture survivor").</summary>
/// <param name="Measure">What is counted, in words.</param>
/// <param name="Count">How many people in the cohort have it.</param>
internal sealed record CohortCount(string Measure, int Count);

/// <summary>Why a figure is not shown, or that it is.</summary>
internal enum HeldBack
{
    /// <summary>The figure is shown.</summary>
    No,

    /// <summary>It is below the threshold (a figure of a cohort below the threshold is too).</summary>
    SmallNumber,

    /// <summary>
    /// It may be large, but with the cohort's own figures it would reveal a number below the threshold by subtraction
    /// (43 of 45 released gives away the 2 who were not).
    /// </summary>
    Complement,

    /// <summary>With the figures of another cohort already shown, it would reveal a number below the threshold by subtraction.</summary>
    OtherCohort,
}

/// <summary>A count as it may be shown: the number and its share of the cohort, or neither.</summary>
/// <param name="Measure">What is counted.</param>
/// <param name="Count">The count, or null when suppressed.</param>
/// <param name="Percentage">The whole-number percentage of the cohort, or null when suppressed or the cohort is empty.</param>
internal sealed record ShownCount(string Measure, int? Count, int? Percentage)
{
    public bool Suppressed => Count is null;

    /// <summary>Why the count is not shown (<see cref="HeldBack.SmallNumber"/> unless said otherwise), or <see cref="HeldBack.No"/>.</summary>
    public HeldBack Reason { get; init; } = Count is null ? HeldBack.SmallNumber : HeldBack.No;

    /// <summary>This count held back for <paramref name="reason"/>, or as it is if it already is (its first reason stands).</summary>
    public ShownCount HoldBack(HeldBack reason) => Suppressed ? this : new ShownCount(Measure, null, null) { Reason = reason };
}

/// <summary>A cohort's figures after suppression.</summary>
/// <param name="Size">The number of people in the cohort, or null when the cohort itself is too small to show.</param>
/// <param name="Counts">Each count, shown or suppressed.</param>
/// <param name="Threshold">The smallest number shown.</param>
internal sealed record SuppressedCohort(int? Size, IReadOnlyList<ShownCount> Counts, int Threshold)
{
    /// <summary>Why the size is not shown, or <see cref="HeldBack.No"/>.</summary>
    public HeldBack SizeReason { get; init; } = Size is null ? HeldBack.SmallNumber : HeldBack.No;

    /// <summary>"fewer than 5": said only of a number held back because it is below the threshold.</summary>
    public string SuppressedText => $"fewer than {Threshold.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Why a figure held back for <paramref name="reason"/> is, in a researcher's words (the page's cell and the CSV's
    /// note), or nothing for a figure shown. A figure held back by subtraction may be large, so its words never read as
    /// "fewer than 5": readers took that for the figure itself.
    /// </summary>
    public string Why(HeldBack reason) => reason switch
    {
        HeldBack.No => "",
        HeldBack.SmallNumber => $"held back: {SuppressedText}",
        HeldBack.Complement => "held back so that a small group cannot be worked out from the others",
        HeldBack.OtherCohort => $"held back: with the figures of another cohort already shown, it would reveal {SuppressedText} clients by subtraction",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Each figure's reason for being held back (<see cref="HeldBack.No"/> when shown), the size first.</summary>
    public IEnumerable<HeldBack> Reasons => [SizeReason, .. Counts.Select(c => c.Reason)];

    /// <summary>Every figure, the size included, held back for <paramref name="reason"/> (those already held back keep their reason).</summary>
    public SuppressedCohort HoldBackAll(HeldBack reason) =>
        new(null, [.. Counts.Select(c => c.HoldBack(reason))], Threshold) { SizeReason = Size is null ? SizeReason : reason };

    /// <summary>
    /// Holds back, as <see cref="HeldBack.OtherCohort"/>, each figure whose counterpart (the size, or the count of the
    /// same measure) is held back in <paramref name="difference"/>: the figures of the clients by which this cohort and
    /// one already shown differ. Shown with that cohort's, this figure would give away its counterpart by subtraction.
    /// </summary>
    public SuppressedCohort HoldBackWhereHeldBackIn(SuppressedCohort difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        // Without its size, a percentage would give the size away: a held-back size holds back everything.
        return difference.Size is null
            ? HoldBackAll(HeldBack.OtherCohort)
            : this with { Counts = [.. Counts.Select(c => difference.Counts.Single(d => d.Measure == c.Measure).Suppressed ? c.HoldBack(HeldBack.OtherCohort) : c)] };
    }
}

/// <summary>
/// Small-number suppression of cohort figures, so that aggregates seen by researchers (and exported) cannot single out
/// a person, directly or by subtraction.
/// </summary>
/// <remarks>
/// Rules, with <c>t</c> the threshold (default 5):
/// <list type="bullet">
/// <item>a cohort of 1 to t−1 people shows nothing: neither its size nor any count or percentage;</item>
/// <item>a count of 1 to t−1 is suppressed, and so is its percentage;</item>
/// <item>a count whose complement in the cohort (size less count) is 1 to t−1 is suppressed too, since the size is
/// shown and the small number would follow by subtraction ("43 of 45 released" reveals 2 who were not);</item>
/// <item>0 and the whole cohort are shown ("all 48 released", as the charity publishes): they describe the cohort,
/// not a small group within it;</item>
/// <item>a percentage is shown only with its count, rounded to a whole number.</item>
/// </list>
/// Between two cohorts, one inside the other, the figures of the clients by which they differ follow by subtraction;
/// <see cref="SuppressedCohort.HoldBackWhereHeldBackIn"/> holds back what these rules would hold back there
/// (<c>CohortDifferencing</c>; what remains possible is in docs/casework.md).
/// </remarks>
internal sealed class SmallNumberSuppression
{
    /// <summary>The threshold used unless configured otherwise.</summary>
    public const int DefaultThreshold = 5;

    public SmallNumberSuppression(int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>The smallest number that may be shown.</summary>
    public int Threshold { get; }

    /// <summary>Applies the rules to a cohort of <paramref name="size"/> people and its <paramref name="counts"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or larger than the cohort.</exception>
    public SuppressedCohort Apply(int size, IReadOnlyList<CohortCount> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var count in counts)
        {
            if (count.Count < 0 || count.Count > size)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), $"'{count.Measure}' counts {count.Count} people in a cohort of {size}.");
            }
        }
        if (IsSmall(size))
        {
            return new SuppressedCohort(null, [.. counts.Select(c => new ShownCount(c.Measure, null, null))], Threshold);
        }
        return new SuppressedCohort(size, [.. counts.Select(c => Show(c, size))], Threshold);
    }

    private ShownCount Show(CohortCount count, int size) =>
        IsSmall(count.Count) ? new ShownCount(count.Measure, null, null)
        : IsSmall(size - count.Count) ? new ShownCount(count.Measure, null, null) { Reason = HeldBack.Complement }
        : new ShownCount(count.Measure, count.Count, size == 0 ? null : (int)Math.Round(100m * count.Count / size, MidpointRounding.AwayFromZero));

    /// <summary>Whether <paramref name="number"/> is too small to show: 1 to one less than the threshold (0 is shown).</summary>
    public bool IsSmall(int number) => number > 0 && number < Threshold;
}
