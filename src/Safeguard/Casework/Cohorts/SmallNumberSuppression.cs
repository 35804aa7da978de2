using System.Globalization;

namespace Safeguard.Casework.Cohorts;

/// <summary>How many people in a cohort have one characteristic or outcome ("released", "torture survivor").</summary>
/// <param name="Measure">What is counted, in words.</param>
/// <param name="Count">How many people in the cohort have it.</param>
public sealed record CohortCount(string Measure, int Count);

/// <summary>A count as it may be shown: the number and its share of the cohort, or neither.</summary>
/// <param name="Measure">What is counted.</param>
/// <param name="Count">The count, or null when suppressed.</param>
/// <param name="Percentage">The whole-number percentage of the cohort, or null when suppressed.</param>
public sealed record ShownCount(string Measure, int? Count, int? Percentage)
{
    public bool Suppressed => Count is null;
}

/// <summary>A cohort's figures after suppression.</summary>
/// <param name="Size">The number of people in the cohort, or null when the cohort itself is too small to show.</param>
/// <param name="Counts">Each count, shown or suppressed.</param>
/// <param name="Threshold">The smallest number shown.</param>
public sealed record SuppressedCohort(int? Size, IReadOnlyList<ShownCount> Counts, int Threshold)
{
    /// <summary>"fewer than 5", the words shown in place of a suppressed number.</summary>
    public string SuppressedText => $"fewer than {Threshold.ToString(CultureInfo.InvariantCulture)}";
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
/// Differences between two cohorts a researcher defines (a cohort, then the same cohort less one centre) can still
/// reveal a small group; this is why cohorts are defined by staff-visible filters and every cohort view is audited
/// (docs/casework.md).
/// </remarks>
public sealed class SmallNumberSuppression
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

    private ShownCount Show(CohortCount count, int size) => IsSmall(count.Count) || IsSmall(size - count.Count)
        ? new ShownCount(count.Measure, null, null)
        : new ShownCount(count.Measure, count.Count, size == 0 ? null : (int)Math.Round(100m * count.Count / size, MidpointRounding.AwayFromZero));

    /// <summary>Whether <paramref name="number"/> is too small to show: 1 to one less than the threshold (0 is shown).</summary>
    public bool IsSmall(int number) => number > 0 && number < Threshold;
}
