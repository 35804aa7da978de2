using Safeguard.Statistics.Model;
using Safeguard.Statistics.Portal;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics.Charts;

/// <summary>The portal's charts keep to one scale: counts of things, or else money, never both on one axis.</summary>
public sealed class PortalChartsTests
{
    private static readonly Place AllPlaces = new() { Slug = "all-places", Name = "All places of immigration detention", Kind = PlaceKind.Category };

    private static ObservationRow Row(string measure, string name, string unit, decimal value) => new(
        "2024", "detention", measure, name, unit, AllPlaces.Slug, AllPlaces.Name, PlaceKind.Category, "2024-Q1", new DateOnly(2024, 1, 1),
        new DateOnly(2024, 3, 31), "", value, ObservationStatus.Exact, null, "Synthetic table", "Home Office", null, "table.csv", "0123abcd", "row 2, column D");

    [Fact]
    public void Place_CountsAndMoney_ChartsTheCountsOnly_OnAnAxisOfCounts()
    {
        var chart = PortalCharts.Place(AllPlaces, [
            Row("people-entering-detention", "People entering detention", "people", 5_000),
            Row("use-of-force-incidents", "Use of force incidents", "incidents", 900),
            Row("detention-cost-per-day", "Average cost of detention per person per day", FigureText.Pounds, 101.61m),
        ]).ShouldNotBeNull();

        chart.Bars.Select(b => b.Label).ShouldBe(["People entering detention", "Use of force incidents"]);
        chart.ValueAxisLabel.ShouldBe("count");
    }

    [Fact]
    public void Theme_MoneyAlone_IsChartedInPounds()
    {
        var theme = new Theme { Slug = "detention", Title = "Detention", Summary = "Synthetic.", LegalSource = "Synthetic." };

        var chart = PortalCharts.Theme(theme, [Row("detention-cost-per-day", "Average cost of detention per person per day", FigureText.Pounds, 101.61m)]).ShouldNotBeNull();

        chart.Bars.ShouldHaveSingleItem().Display.ShouldBe("£101.61");
        chart.ValueAxisLabel.ShouldBe(FigureText.Pounds);
    }

    [Fact]
    public void Theme_CountsOfOneUnit_NameThatUnitOnTheAxis()
    {
        var theme = new Theme { Slug = "use-of-force", Title = "Use of force", Summary = "Synthetic.", LegalSource = "Synthetic." };

        var chart = PortalCharts.Theme(theme, [Row("use-of-force-incidents", "Use of force incidents", "incidents", 900)]).ShouldNotBeNull();

        chart.ValueAxisLabel.ShouldBe("incidents");
    }
}
