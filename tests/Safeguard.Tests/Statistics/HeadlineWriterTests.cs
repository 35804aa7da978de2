using Safeguard.Statistics.Headlines;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Tests.Shared;

namespace Safeguard.Tests.Statistics;

public sealed class HeadlineWriterTests
{
    private static ObservationRow Row(string measure, string place, decimal? value, ObservationStatus status = ObservationStatus.Exact, string period = "2024", PlaceKind kind = PlaceKind.Category) =>
        new("2024", "theme", measure, measure, "things", place, place, kind, period, default, default, "", value, status, null,
            "source", "authority", null, "file.txt", new string('0', 64), "line 1");

    private static ObservationRow Centre(string name, decimal value) =>
        Row(MeasureSlugs.UseOfForceIncidents, name, value, kind: PlaceKind.RemovalCentre);

    /// <summary>The charity's 2024 top-line figures as the seed page gives them.</summary>
    internal static List<ObservationRow> Seed2024() =>
    [
        Row(MeasureSlugs.Rule35Part1, "All IRCs", 74), Row(MeasureSlugs.Rule35Part2, "All IRCs", 35), Row(MeasureSlugs.Rule35Part3, "All IRCs", 2473),
        Centre("Brook House IRC", 715), Centre("Colnbrook IRC", 188), Centre("Derwentside IRC", 43), Centre("Dungavel IRC", 34),
        Centre("Harmondsworth IRC", 156), Centre("Tinsley House IRC", 76), Centre("Yarl's Wood IRC", 151),
        Row(MeasureSlugs.AcdtOpened, "All IRCs", 1292), Row(MeasureSlugs.AcdtConstantSupervision, "All IRCs", 419),
        Row(MeasureSlugs.Rule40People, "All IRCs", 1340, ObservationStatus.AtLeast), Row(MeasureSlugs.Rule42People, "All IRCs", 25, ObservationStatus.AtLeast),
        Row(MeasureSlugs.PeopleDetained, "All places", 20604),
    ];

    [Fact]
    public void Write_2024Figures_GivesEverySeedTopLineInOrder()
    {
        var headlines = HeadlineWriter.Write(Seed2024(), Period.Year(2024)).Select(h => h.Text).ToList();
        headlines.ShouldBe(SeedTopLine.Headlines2024);
    }

    [Fact]
    public void Write_ExactSegregation_DropsAtLeast()
    {
        var rows = Seed2024().Select(r => r.Measure == MeasureSlugs.Rule40People ? r with { Status = ObservationStatus.Exact } : r).ToList();
        HeadlineWriter.Write(rows, Period.Year(2024)).ShouldContain(h => h.Text == "1,340 people were held in segregation under Rule 40 and at least 25 under Rule 42.");
    }

    [Fact]
    public void Write_SuppressedRule35Part2_SaysUnreportedNeverZero()
    {
        var rows = Seed2024().Select(r => r.Measure == MeasureSlugs.Rule35Part2 ? r with { Value = null, Status = ObservationStatus.Suppressed } : r).ToList();
        var headlines = HeadlineWriter.Write(rows, Period.Year(2024)).Select(h => h.Text).ToList();
        headlines[0].ShouldBe("74 Rule 35(1) reports, an unreported number of Rule 35(2) reports (suppressed) and 2,473 Rule 35(3) reports were completed for people in detention.");
        headlines.ShouldNotContain(h => h.StartsWith("While", StringComparison.Ordinal), "no gap sentence can be written without the Rule 35(2) figure");
        string.Join(' ', headlines).ShouldNotContain(" 0 ");
    }

    [Fact]
    public void Write_MeasureMissingFromRelease_LeavesItsSentenceOut()
    {
        var rows = Seed2024().Where(r => r.Measure is not (MeasureSlugs.Rule40People or MeasureSlugs.Rule42People)).ToList();
        HeadlineWriter.Write(rows, Period.Year(2024)).ShouldNotContain(h => h.Theme == "segregation");
    }

    [Fact]
    public void Write_OtherPeriod_UsesThatPeriodsFiguresOnly()
    {
        var rows = Seed2024().Concat([Row(MeasureSlugs.PeopleDetained, "All places", 1, period: "2023")]).ToList();
        HeadlineWriter.Write(rows, Period.Year(2023)).Select(h => h.Text).ShouldBe(["1 man, woman or child was held in detention in 2023."]);
    }

    [Fact]
    public void Write_ReportsOutnumberAcdts_DropsOnly()
    {
        var rows = Seed2024().Select(r => r.Measure == MeasureSlugs.AcdtOpened ? r with { Value = 50 } : r).ToList();
        HeadlineWriter.Write(rows, Period.Year(2024)).ShouldContain(h => h.Text.StartsWith("While 50 ACDTs and 419 constant supervision ACDTs were opened in 2024, 74 Rule 35(1)", StringComparison.Ordinal));
    }

    private const string AllPlaces = "All places of immigration detention";

    private static List<string> Headlines(IEnumerable<ObservationRow> rows) =>
        [.. HeadlineWriter.Write([.. rows], Period.Year(2024)).Select(h => h.Text)];

    [Fact]
    public void Write_OnlyOneCentreReportsAcdts_WritesNoTotalFromIt()
    {
        var headlines = Headlines([Row(MeasureSlugs.AcdtOpened, "Brook House IRC", 300, kind: PlaceKind.RemovalCentre), Row(MeasureSlugs.Rule35Part1, "All IRCs", 74)]);

        headlines.ShouldBe(["74 Rule 35(1) reports were completed for people in detention."]);
    }

    [Fact]
    public void Write_AcdtsAndRule35ReportsForDifferentCategories_WritesNoGap()
    {
        var rows = Seed2024().Select(r => r.Measure is MeasureSlugs.AcdtOpened or MeasureSlugs.AcdtConstantSupervision ? r with { Place = AllPlaces, PlaceName = AllPlaces } : r);

        var headlines = Headlines(rows);

        headlines.ShouldContain("1,292 ACDTs and 419 constant supervision ACDTs were opened.");
        headlines.ShouldNotContain(h => h.StartsWith("While", StringComparison.Ordinal), "ACDTs for every place of detention are not comparable with Rule 35 reports for IRCs");
        new HeadlineFigures([.. rows], Period.Year(2024)).Gap().ShouldBeNull();
    }

    [Fact]
    public void Write_AnotherCategoryWithFewerOfTheMeasures_IsNotMixedIn()
    {
        // Listed first, so a choice per measure would take its ACDTs and set them against the IRCs' reports.
        List<ObservationRow> rows = [Row(MeasureSlugs.AcdtOpened, AllPlaces, 2000), .. Seed2024()];

        var headlines = Headlines(rows);

        headlines.ShouldContain(SeedTopLine.Headlines2024[2]);
        headlines.ShouldContain(SeedTopLine.Headlines2024[4]);
    }

    [Fact]
    public void Write_ConstantSupervisionNotInRelease_DropsOutOfTheGap()
    {
        var headlines = Headlines(Seed2024().Where(r => r.Measure != MeasureSlugs.AcdtConstantSupervision));

        headlines.ShouldContain("While 1,292 ACDTs were opened in 2024, only 74 Rule 35(1) reports and 35 Rule 35(2) reports were completed in detention: 8.4 reports for every 100 ACDTs opened.");
        string.Join(' ', headlines).ShouldNotContain("not held");
    }

    [Fact]
    public void Write_ConstantSupervisionNotHeldByTheHomeOffice_SaysSo()
    {
        var rows = Seed2024().Select(r => r.Measure == MeasureSlugs.AcdtConstantSupervision ? r with { Value = null, Status = ObservationStatus.NotHeld } : r);

        Headlines(rows).ShouldContain(h => h.StartsWith("While 1,292 ACDTs and an unreported number of constant supervision ACDTs (not held) were opened in 2024,", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Rule35Part2NotInRelease_ComparesTheRule35Part1ReportsItNames()
    {
        var headlines = Headlines(Seed2024().Where(r => r.Measure != MeasureSlugs.Rule35Part2));

        headlines.ShouldContain("While 1,292 ACDTs and 419 constant supervision ACDTs were opened in 2024, only 74 Rule 35(1) reports were completed in detention: 5.7 reports for every 100 ACDTs opened.");
    }

    [Fact]
    public void HeadlinePeriod_PrefersLatestWholeYear() =>
        HeadlineWriter.HeadlinePeriod([.. Seed2024(), Row(MeasureSlugs.PeopleDetained, "All places", 5, period: "2025-Q1")])!.Key.ShouldBe("2024");
}
