namespace Safeguard.Casework.Cohorts;

/// <summary>
/// Finds, for a cohort about to be shown, the clients by which it differs from each cohort already shown that lies
/// inside it or around it. Someone with both sets of figures has that difference's figures by subtraction, so the
/// cohort's figures are then held back wherever the difference's own would be (<see cref="CohortQuery.Suppress"/>).
/// </summary>
/// <remarks>
/// Both cohorts are found on today's data. A pair is skipped when the two hold the same clients (there is nothing to
/// subtract), when one is not inside the other (an overlap; docs/casework.md says what that leaves open), and when the
/// smaller is empty (the difference is then the other cohort itself, whose figures were suppressed as a cohort's).
/// </remarks>
internal static class CohortDifferencing
{
    /// <summary>The counts of each difference between <paramref name="shown"/> and a nested cohort of <paramref name="remembered"/>, in no particular order.</summary>
    public static IReadOnlyList<CohortCounts> Differences(CohortPopulation clients, CohortDefinition shown, IEnumerable<CohortDefinition> remembered)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(remembered);
        var cohort = clients.Cohort(shown);
        var size = cohort.Count;
        var differences = new List<CohortCounts>();
        if (size == 0)
        {
            return differences;
        }
        foreach (var other in remembered.Select(clients.Cohort))
        {
            var otherSize = other.Count;
            var both = cohort.CountAlsoIn(other);
            if (otherSize == 0 || otherSize == size || (both != size && both != otherSize))
            {
                continue;
            }
            // One is inside the other: the difference is the larger less the smaller.
            differences.Add(clients.Counts(otherSize > size ? other.Except(cohort) : cohort.Except(other)));
        }
        return differences;
    }
}
