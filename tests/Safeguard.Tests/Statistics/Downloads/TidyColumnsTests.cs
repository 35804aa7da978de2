using Safeguard.Statistics.Downloads;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics.Downloads;

public sealed class TidyColumnsTests
{
    [Fact]
    public void All_ListsTheTidyColumnsInDownloadOrder() =>
        TidyColumns.All.Select(c => c.Name).ShouldBe(
        [
            "release", "theme", "measure", "measure_name", "unit", "place", "place_name", "period", "period_start",
            "period_end", "breakdown", "value", "status", "display", "note", "source_title", "source_authority",
            "source_reference", "source_file", "source_sha256", "source_location",
        ]);

    [Fact]
    public void All_OnlyValueIsANumber() =>
        TidyColumns.All.Where(c => c.IsNumber).Select(c => c.Name).ShouldBe(["value"]);

    [Theory]
    [InlineData("measure_name", "measureName")]
    [InlineData("source_sha256", "sourceSha256")]
    [InlineData("release", "release")]
    public void JsonName_IsCamelCaseOfTheColumnName(string name, string jsonName) =>
        TidyColumns.All.Single(c => c.Name == name).JsonName.ShouldBe(jsonName);

    [Fact]
    public void TextOf_ReadsStatusCodeDisplayAndDates()
    {
        var row = SyntheticRows.Row(1340m, ObservationStatus.AtLeast);
        string? Text(string name) => TidyColumns.All.Single(c => c.Name == name).TextOf(row);

        Text("status").ShouldBe("at-least");
        Text("display").ShouldBe("at least 1,340");
        Text("period_start").ShouldBe("2024-07-01");
        Text("period_end").ShouldBe("2024-09-30");
        Text("note").ShouldBeNull();
    }

    [Fact]
    public void TextOf_NumberColumn_Throws() =>
        Should.Throw<InvalidOperationException>(() => TidyColumns.All.Single(c => c.IsNumber).TextOf(SyntheticRows.Row()));

    [Theory]
    [InlineData("1292.0000", "1292")]
    [InlineData("12.5000", "12.5")]
    [InlineData("-5", "-5")]
    [InlineData("1234567.89", "1234567.89")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("0", "0")]
    public void FormatNumber_InvariantWithoutSeparatorsOrTrailingZeros(string value, string expected) =>
        TidyColumns.FormatNumber(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
