using Safeguard.Statistics.Indicators;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Tests.Statistics.Downloads;

namespace Safeguard.Tests.Statistics;

public sealed class RatePer100Tests
{
    private static ObservationRow Row(string measure, string place, Period period, decimal? value, ObservationStatus status = ObservationStatus.Exact, string unit = "incidents") =>
        SyntheticRows.Row(value, status) with
        {
            Measure = measure,
            Unit = unit,
            Place = place,
            PeriodKey = period.Key,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
        };

    [Fact]
    public void PeopleDetainedInTheSamePlaceAndPeriod_IsThePopulation()
    {
        var reports = Row(MeasureSlugs.Rule35Part3, "all-detention", Period.Year(2024), 2473, unit: "reports");
        var detained = Row(MeasureSlugs.PeopleDetained, "all-detention", Period.Year(2024), 20604, unit: "people");

        var rate = RatePer100.For([reports], [detained]).ShouldHaveSingleItem().Value;

        rate.Value.Value!.Value.ShouldBe(2473m / 20604m * 100m);
        rate.Describe().ShouldBe("12.0 per 100 people detained");
    }

    [Fact]
    public void AYear_TakesItsPopulationFromAllFourQuartersOfPeopleEntering()
    {
        var deaths = Row("deaths-in-detention", "all-detention", Period.Year(2019), 1, unit: "people");
        Period[] quarters = [Period.Quarter(2019, 1), Period.Quarter(2019, 2), Period.Quarter(2019, 3), Period.Quarter(2019, 4)];
        var entering = quarters.Select(q => Row(MeasureSlugs.PeopleEnteringDetention, "all-detention", q, 250, unit: "people")).ToList();

        RatePer100.For([deaths], entering)[deaths].Describe().ShouldBe("0.1 per 100 people entering detention");
        RatePer100.For([deaths], entering.Take(3)).ShouldBeEmpty("a year with a quarter missing has no known population");
    }

    [Fact]
    public void ALowerBound_StaysALowerBound_AndAMissingFigureHasNoRate()
    {
        var detained = Row(MeasureSlugs.PeopleDetained, "all-detention", Period.Year(2024), 1000, unit: "people");
        var atLeast = Row(MeasureSlugs.Rule40People, "all-detention", Period.Year(2024), 65, ObservationStatus.AtLeast, "people");
        var suppressed = Row(MeasureSlugs.Rule42People, "all-detention", Period.Year(2024), null, ObservationStatus.Suppressed, "people");

        var rates = RatePer100.For([atLeast, suppressed], [detained]);

        rates[atLeast].Describe().ShouldBe("at least 6.5 per 100 people detained");
        rates[suppressed].Describe().ShouldBe("not available (suppressed)");
    }

    [Fact]
    public void OtherPlacesPopulationsAndCostsHaveNoRate()
    {
        var detained = Row(MeasureSlugs.PeopleDetained, "all-detention", Period.Year(2024), 1000, unit: "people");
        var elsewhere = Row(MeasureSlugs.UseOfForceIncidents, "brook-house", Period.Year(2024), 700);
        var population = Row(MeasureSlugs.PeopleInDetention, "all-detention", Period.Year(2024), 900, unit: "people");
        var cost = Row("detention-cost-per-day", "all-detention", Period.Year(2024), 116, unit: "pounds");

        RatePer100.For([elsewhere, population, cost, detained], [detained]).ShouldBeEmpty();
    }
}
