using System.Numerics;
using Safeguard.Casework.Cases;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// Every client as sets, one per tag, place, outcome and measure, with the clients in the order their cases were
/// opened: the clients of a cohort are the intersection of its filters' sets (its days opened being one run of
/// clients), and its counts are the sizes of that set's intersections with the measures'. A cohort costs a few
/// hundred machine words per filter, so one shown can be compared with a thousand shown before in milliseconds
/// (<see cref="CohortDifferencing"/>); finding each in SQL would be a query each.
/// </summary>
internal sealed class CohortPopulation
{
    private readonly DateOnly[] openedOn;
    private readonly Dictionary<string, ClientSet> tags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientSet> centres = new(StringComparer.Ordinal);
    private readonly Dictionary<Outcome, ClientSet> outcomes = [];
    private readonly ClientSet withReport, tortureSurvivors, suicidalThoughts, ptsd, releasedWithReport, released;

    public CohortPopulation(IEnumerable<ClientFacts> clients)
    {
        var ordered = clients.OrderBy(c => c.OpenedOn).ThenBy(c => c.Id).ToArray();
        openedOn = [.. ordered.Select(c => c.OpenedOn)];
        ClientSet New() => new(ordered.Length);
        (withReport, tortureSurvivors, suicidalThoughts, ptsd, releasedWithReport) = (New(), New(), New(), New(), New());
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            outcomes[outcome] = New();
        }
        for (var i = 0; i < ordered.Length; i++)
        {
            var client = ordered[i];
            foreach (var tag in client.Tags)
            {
                (tags.TryGetValue(tag, out var set) ? set : tags[tag] = New()).Add(i);
            }
            foreach (var centre in client.Centres)
            {
                (centres.TryGetValue(centre, out var set) ? set : centres[centre] = New()).Add(i);
            }
            outcomes[client.Outcome].Add(i);
            Add(withReport, client.WithReport, i);
            Add(tortureSurvivors, client.TortureSurvivor, i);
            Add(suicidalThoughts, client.SuicidalThoughts, i);
            Add(ptsd, client.Ptsd, i);
            Add(releasedWithReport, client.WithReport && client.Outcome == Outcome.Released, i);
        }
        released = outcomes[Outcome.Released];

        static void Add(ClientSet set, bool holds, int client)
        {
            if (holds)
            {
                set.Add(client);
            }
        }
    }

    /// <summary>The clients <paramref name="definition"/> holds: every one of its tags, opened within its days, held at its place at some time, with its outcome. Tags and places compare exactly, as the database does.</summary>
    public ClientSet Cohort(CohortDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var first = definition.From is { } from ? FirstOpenedOnOrAfter(from) : 0;
        var end = definition.To is { } to ? FirstOpenedOnOrAfter(to.AddDays(1)) : openedOn.Length;
        var cohort = ClientSet.Run(openedOn.Length, first, end);
        foreach (var tag in definition.Tags)
        {
            cohort.IntersectWith(tags.GetValueOrDefault(tag));
        }
        if (definition.CentreSlug is { } centre)
        {
            cohort.IntersectWith(centres.GetValueOrDefault(centre));
        }
        if (definition.Outcome is { } outcome)
        {
            cohort.IntersectWith(outcomes[outcome]);
        }
        return cohort;
    }

    /// <summary>The raw counts of a set of clients: a cohort, or the clients by which two differ.</summary>
    public CohortCounts Counts(ClientSet clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return new CohortCounts(clients.Count, clients.CountAlsoIn(withReport), clients.CountAlsoIn(tortureSurvivors), clients.CountAlsoIn(suicidalThoughts),
            clients.CountAlsoIn(ptsd), clients.CountAlsoIn(released), clients.CountAlsoIn(releasedWithReport));
    }

    private int FirstOpenedOnOrAfter(DateOnly day)
    {
        var index = Array.BinarySearch(openedOn, day);
        if (index < 0)
        {
            return ~index;
        }
        while (index > 0 && openedOn[index - 1] == day)
        {
            index--;
        }
        return index;
    }
}

/// <summary>A set of clients of a <see cref="CohortPopulation"/>, by their place in it: one bit each.</summary>
internal sealed class ClientSet
{
    private readonly ulong[] words;

    public ClientSet(int clients) => words = new ulong[(clients + 63) / 64];

    private ClientSet(ulong[] words) => this.words = words;

    /// <summary>The clients from <paramref name="first"/> up to, not including, <paramref name="end"/>.</summary>
    public static ClientSet Run(int clients, int first, int end)
    {
        var set = new ClientSet(clients);
        for (var i = first; i < end;)
        {
            // A whole word at a time where the run covers it.
            if ((i & 63) == 0 && end - i >= 64)
            {
                set.words[i >> 6] = ulong.MaxValue;
                i += 64;
            }
            else
            {
                set.Add(i++);
            }
        }
        return set;
    }

    public void Add(int client) => words[client >> 6] |= 1UL << (client & 63);

    /// <summary>Keeps only the clients also in <paramref name="other"/>; none, when there is no such set.</summary>
    public void IntersectWith(ClientSet? other)
    {
        for (var i = 0; i < words.Length; i++)
        {
            words[i] &= other?.words[i] ?? 0;
        }
    }

    /// <summary>The clients in this set but not in <paramref name="other"/>, as a new set.</summary>
    public ClientSet Except(ClientSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var difference = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            difference[i] = words[i] & ~other.words[i];
        }
        return new ClientSet(difference);
    }

    public int Count => CountAlsoIn(null);

    /// <summary>How many clients of this set are also in <paramref name="other"/> (all of them, given none).</summary>
    public int CountAlsoIn(ClientSet? other)
    {
        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            count += BitOperations.PopCount(words[i] & (other?.words[i] ?? ulong.MaxValue));
        }
        return count;
    }
}
