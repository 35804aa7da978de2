using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics;

public sealed class FigureTextTests
{
    [Theory]
    [InlineData("101.61", "£101.61")]
    [InlineData("104.99", "£104.99")]
    [InlineData("96.16", "£96.16")]
    [InlineData("98.7", "£98.70")]
    [InlineData("102", "£102.00")]
    [InlineData("1234.5", "£1,234.50")]
    public void Format_Pounds_GivesThePoundSignAndPence(string value, string expected) =>
        FigureText.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), ObservationStatus.Exact, FigureText.Pounds).ShouldBe(expected);

    [Fact]
    public void Format_PoundsLowerBound_SaysAtLeast() =>
        FigureText.Format(96.16m, ObservationStatus.AtLeast, FigureText.Pounds).ShouldBe("at least £96.16");

    [Theory]
    [InlineData("1340", "people", "1,340")]
    [InlineData("1292.0000", "documents", "1,292")]
    [InlineData("2473", "reports", "2,473")]
    [InlineData("150.25", "people", "150.25")]
    [InlineData("12.35", "incidents", "12.35")]
    public void Format_Counts_KeepEveryDigitTheSourceGave(string value, string unit, string expected) =>
        FigureText.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), ObservationStatus.Exact, unit).ShouldBe(expected);

    [Fact]
    public void Format_Suppressed_SaysSoInAnyUnit() =>
        FigureText.Format(null, ObservationStatus.Suppressed, FigureText.Pounds).ShouldBe("suppressed");

    [Theory]
    [InlineData("8.4365", "8.4")]
    [InlineData("19.1667", "19.2")]
    [InlineData("115.4", "115")]
    [InlineData("25", "25")]
    public void Ratio_RoundsAComputedRateForReading(string value, string expected) =>
        FigureText.Ratio(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), ObservationStatus.Exact).ShouldBe(expected);

    [Fact]
    public void Display_CostPerDay_ReadsAsMoneyAndAgreesWithItsValue()
    {
        var row = Downloads.SyntheticRows.Row(101.61m) with { Measure = "detention-cost-per-day", MeasureName = "Average cost of detention per person per day", Unit = FigureText.Pounds };
        row.Display.ShouldBe("£101.61");
    }
}
