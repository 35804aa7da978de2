using Safeguard.Casework.Cases;
using Safeguard.Casework.Cohorts;

namespace Safeguard.Tests.Casework;

/// <summary>Which cohorts shown before a new one is compared with, and the clients by which they differ; and how a definition is remembered.</summary>
public sealed class CohortDifferencingTests
{
    private static readonly CohortDefinition Rwanda = new(["Rwanda removal"], null, null, null, null);

    private static readonly CohortDefinition RwandaAtBrookHouse = Rwanda with { CentreSlug = "brook-house" };

    /// <summary>Synthetic clients' facts: <paramref name="count"/> tagged Rwanda removal, held at <paramref name="centre"/>, the first <paramref name="tortureSurvivors"/> torture survivors.</summary>
    private static IEnumerable<ClientFacts> Clients(int firstId, int count, string centre, int tortureSurvivors = 0, params string[] otherTags) =>
        Enumerable.Range(0, count).Select(i => new ClientFacts(firstId + i, new DateOnly(2022, 5, 1), Outcome.Released, ["Rwanda removal", .. otherTags], [centre],
            WithReport: true, TortureSurvivor: i < tortureSurvivors, SuicidalThoughts: false, Ptsd: false));

    [Fact]
    public void Differences_NarrowedCohort_IsTheClientsHeldElsewhere_WhicheverWasShownFirst()
    {
        var clients = new CohortPopulation([.. Clients(1, 50, "brook-house", 30), .. Clients(100, 10, "colnbrook", 4)]);

        var narrowAfterWide = CohortDifferencing.Differences(clients, RwandaAtBrookHouse, [Rwanda]).ShouldHaveSingleItem();
        var wideAfterNarrow = CohortDifferencing.Differences(clients, Rwanda, [RwandaAtBrookHouse]).ShouldHaveSingleItem();

        narrowAfterWide.ShouldBe(new CohortCounts(10, 10, 4, 0, 0, 10, 10));
        wideAfterNarrow.ShouldBe(narrowAfterWide);
    }

    [Fact]
    public void Differences_SameClientsOverlapsAndEmptyCohorts_AreNotCompared()
    {
        var clients = new CohortPopulation([.. Clients(1, 20, "brook-house"), .. Clients(100, 10, "colnbrook", 0, "Small boat arrival")]);
        var sameClients = Rwanda with { From = new DateOnly(2022, 1, 1) };
        var overlap = new CohortDefinition(["Small boat arrival"], null, null, null, null) with { To = new DateOnly(2030, 1, 1) };
        var nobody = Rwanda with { Outcome = Outcome.Removed };

        CohortDifferencing.Differences(clients, Rwanda, [sameClients, nobody]).ShouldBeEmpty();
        CohortDifferencing.Differences(clients, RwandaAtBrookHouse, [overlap]).ShouldBeEmpty("disjoint: neither inside the other");
        CohortDifferencing.Differences(clients, nobody, [Rwanda]).ShouldBeEmpty("an empty cohort shows only zeros");
    }

    [Fact]
    public void Cohort_EveryFilter_ComparesAsTheDatabaseDid()
    {
        var clients = new CohortPopulation([
            new ClientFacts(1, new DateOnly(2022, 5, 1), Outcome.Released, ["Rwanda removal", "Small boat arrival"], ["colnbrook", "brook-house"], true, true, false, false),
            new ClientFacts(2, new DateOnly(2022, 4, 30), Outcome.Removed, ["Rwanda removal"], ["yarls-wood"], false, false, true, false),
            new ClientFacts(3, new DateOnly(2022, 5, 1), Outcome.Released, [], [], false, false, false, true),
            new ClientFacts(4, new DateOnly(2022, 5, 2), Outcome.StillDetained, ["Rwanda removal"], ["brook-house"], true, false, false, false)]);
        int Size(CohortDefinition definition) => clients.Cohort(definition).Count;

        Size(new CohortDefinition([], null, null, null, null)).ShouldBe(4, "nothing chosen is every client");
        Size(new CohortDefinition(["Small boat arrival", "Rwanda removal"], new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 1), "brook-house", Outcome.Released)).ShouldBe(1);
        Size(new CohortDefinition(["rwanda removal"], null, null, null, null)).ShouldBe(0, "tags compare exactly, as in SQL");
        Size(new CohortDefinition(["No such tag"], null, null, null, null)).ShouldBe(0);
        Size(Rwanda with { From = new DateOnly(2022, 5, 1) }).ShouldBe(2, "the first day is included");
        Size(Rwanda with { To = new DateOnly(2022, 5, 1) }).ShouldBe(2, "the last day is included");
        Size(new CohortDefinition([], new DateOnly(2022, 5, 1), new DateOnly(2022, 5, 1), null, null)).ShouldBe(2, "both clients opened that day");
        Size(Rwanda with { CentreSlug = "brook-house" }).ShouldBe(2, "held there at some time");
        Size(Rwanda with { Outcome = Outcome.Removed }).ShouldBe(1);
        clients.Counts(clients.Cohort(Rwanda)).ShouldBe(new CohortCounts(3, 2, 1, 1, 0, 1, 1));
    }

    [Fact]
    public void Canonical_TheSameFiltersChosenInAnyOrder_AreOneDefinition_ReadBackWhole()
    {
        var one = new CohortDefinition(["Small boat arrival", "Rwanda removal"], new DateOnly(2022, 1, 1), null, "brook-house", Outcome.Released);
        var other = one with { Tags = ["Rwanda removal", "Small boat arrival"] };

        other.Key.ShouldBe(one.Key);
        other.Key.Length.ShouldBe(64);
        (one with { CentreSlug = null }).Key.ShouldNotBe(one.Key);
        var read = CohortDefinition.Parse(one.Canonical);
        read.Tags.ShouldBe(["Rwanda removal", "Small boat arrival"]);
        (read.From, read.To, read.CentreSlug, read.Outcome).ShouldBe((one.From, one.To, one.CentreSlug, one.Outcome));
        read.Key.ShouldBe(one.Key);
    }
}
