using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2024", nameof(PeriodKind.Year), "2024-01-01", "2024-12-31")]
    [InlineData("2024-H2", nameof(PeriodKind.HalfYear), "2024-07-01", "2024-12-31")]
    [InlineData("2024-Q1", nameof(PeriodKind.Quarter), "2024-01-01", "2024-03-31")]
    [InlineData("2024-02", nameof(PeriodKind.Month), "2024-02-01", "2024-02-29")]
    [InlineData("2024-12-31", nameof(PeriodKind.PointInTime), "2024-12-31", "2024-12-31")]
    public void TryParse_ValidKey_GivesKindAndInclusiveDates(string key, string kindName, string start, string end)
    {
        var kind = Enum.Parse<PeriodKind>(kindName);
        Period.TryParse(key, out var period).ShouldBeTrue();
        period.Kind.ShouldBe(kind);
        period.Start.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        period.End.ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        period.Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-Q5")]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("2024-H3")]
    [InlineData("last year")]
    public void TryParse_MalformedKey_Fails(string key) => Period.TryParse(key, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2024", "2023")]
    [InlineData("2024-H1", "2023-H2")]
    [InlineData("2024-Q1", "2023-Q4")]
    [InlineData("2024-Q3", "2024-Q2")]
    [InlineData("2024-01", "2023-12")]
    public void Previous_GivesThePeriodOfTheSameKindJustBefore(string key, string previous) =>
        Period.FromKey(key).Previous().Key.ShouldBe(previous);

    [Theory]
    [InlineData("2024-H2", "July to December 2024")]
    [InlineData("2024-03", "March 2024")]
    [InlineData("2024-12-31", "31 December 2024")]
    public void Label_ReadsAsAPersonWouldWriteIt(string key, string label) => Period.FromKey(key).Label.ShouldBe(label);
}
