using Safeguard.Platform.Web.Downloads;

namespace Safeguard.Tests.Platform.Web.Downloads;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcell")]
    [InlineData("\rcell")]
    public void Neutralise_FormulaTrigger_PrefixesAQuote(string text) =>
        SpreadsheetText.Neutralise(text).ShouldBe("'" + text);

    [Fact]
    public void Neutralise_NumberLikeTextInATextColumn_IsStillNeutralised() =>
        SpreadsheetText.Neutralise("-5").ShouldBe("'-5");

    [Theory]
    [InlineData("Yarl's Wood")]
    [InlineData("at least 1,340")]
    [InlineData("a = b")]
    [InlineData("'quoted")]
    public void Neutralise_HarmlessText_IsUnchanged(string text) =>
        SpreadsheetText.Neutralise(text).ShouldBe(text);

    [Fact]
    public void Neutralise_EmptyText_StaysEmpty() =>
        SpreadsheetText.Neutralise("").ShouldBe("");
}
