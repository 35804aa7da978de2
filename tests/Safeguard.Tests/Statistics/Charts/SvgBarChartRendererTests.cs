using System.Globalization;
using System.Xml.Linq;
using Safeguard.Statistics.Charts;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics.Charts;

public sealed class SvgBarChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartBar Bar(string label, decimal? value, ObservationStatus status = ObservationStatus.Exact) =>
        new(label, value, status, FigureText.Count(value, status));

    private static BarChart Chart(params ChartBar[] bars) => new(
        "gap-chart",
        "Rule 35 reports and what followed, 2024",
        "Of 1,292 Rule 35(1) reports, 74 led to release.",
        "reports or documents",
        bars);

    private static readonly BarChart Gap = Chart(
        Bar("Rule 35(1) reports", 1292),
        Bar("Releases after a report", 74),
        Bar("Medical documents", 1340, ObservationStatus.AtLeast),
        Bar("Second opinions", 4, ObservationStatus.AtMost),
        Bar("Follow-up reports", 300, ObservationStatus.Estimated),
        Bar("Reports at Yarl's Wood & Harmondsworth", null, ObservationStatus.Suppressed));

    private static XElement Parse(BarChart chart) => XElement.Parse(SvgBarChartRenderer.Render(chart));

    private static IEnumerable<XElement> WithClass(XElement root, string className) =>
        root.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(className) == true);

    private static decimal Width(XElement rect) => decimal.Parse((string)rect.Attribute("width")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_AnyChart_IsAnImageNamedByItsTitleAndDescription()
    {
        var svg = Parse(Gap);

        svg.Name.ShouldBe(Svg + "svg");
        ((string?)svg.Attribute("role")).ShouldBe("img");
        ((string?)svg.Attribute("focusable")).ShouldBe("false");
        ((string?)svg.Attribute("width")).ShouldBe("100%");
        svg.Attribute("height").ShouldBeNull();
        ((string?)svg.Attribute("viewBox")).ShouldNotBeNullOrWhiteSpace();
        var named = ((string)svg.Attribute("aria-labelledby")!).Split(' ')
            .Select(id => svg.Descendants().Single(e => (string?)e.Attribute("id") == id))
            .ToList();
        named.Select(e => e.Name.LocalName).ShouldBe(["title", "desc"]);
        named[0].Value.ShouldBe(Gap.Title);
        named[1].Value.ShouldBe(Gap.Description);
    }

    [Fact]
    public void Render_BarsWithAndWithoutValues_DrawsARectOnlyWhereThereIsAValue()
    {
        var svg = Parse(Gap);

        WithClass(svg, "sg-chart__bar").Count().ShouldBe(5);
        var suppressedRow = WithClass(svg, "sg-chart__row--suppressed").Single();
        suppressedRow.Descendants(Svg + "rect").ShouldBeEmpty();
        WithClass(suppressedRow, "sg-chart__value").Single().Value.ShouldBe("suppressed");
    }

    [Fact]
    public void Render_TwoExactFigures_DrawsBarsInProportion()
    {
        var bars = WithClass(Parse(Gap), "sg-chart__bar--exact").Select(Width).ToList();

        (bars[0] / bars[1]).ShouldBe(1292m / 74m, tolerance: 0.01m * 1292m / 74m);
    }

    [Fact]
    public void Render_AtLeastFigure_DrawsABoundCueAfterTheBarAndSaysAtLeast()
    {
        var row = WithClass(Parse(Gap), "sg-chart__row--at-least").Single();

        WithClass(row, "sg-chart__bound--at-least").ShouldHaveSingleItem();
        WithClass(row, "sg-chart__value").Single().Value.ShouldBe("at least 1,340");
    }

    [Fact]
    public void Render_AtMostAndEstimatedFigures_AreDrawnDifferentlyFromExactOnes()
    {
        var svg = Parse(Gap);

        var atMost = WithClass(svg, "sg-chart__bar--at-most").Single();
        ((string?)atMost.Attribute("stroke-dasharray")).ShouldNotBeNull();
        var estimated = WithClass(svg, "sg-chart__bar--estimated").Single();
        var patternId = ((string)estimated.Attribute("fill")!)[5..^1];
        svg.Element(Svg + "defs")!.Elements(Svg + "pattern").Single().Attribute("id")!.Value.ShouldBe(patternId);
    }

    [Fact]
    public void Render_LabelsWithApostropheAndAmpersand_SurviveEscaping()
    {
        var chart = Gap with { Title = "Yarl's Wood & <Harmondsworth>" };

        var svg = Parse(chart);

        svg.Element(Svg + "title")!.Value.ShouldBe("Yarl's Wood & <Harmondsworth>");
        string.Concat(WithClass(svg, "sg-chart__label").Last().DescendantNodes().OfType<XText>().Select(t => t.Value + " "))
            .Trim().ShouldBe("Reports at Yarl's Wood & Harmondsworth");
    }

    [Fact]
    public void Render_AnyChart_PrefixesEveryElementIdWithTheChartId()
    {
        var ids = Parse(Gap).DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        ids.ShouldNotBeEmpty();
        ids.ShouldAllBe(id => id.StartsWith("gap-chart-", StringComparison.Ordinal));
        ids.ShouldBeUnique();
    }

    [Fact]
    public void Render_AnyChart_HasNoInlineStyles()
    {
        var svg = Parse(Gap);

        svg.DescendantsAndSelf().ShouldNotContain(e => e.Attribute("style") != null);
        svg.Descendants(Svg + "style").ShouldBeEmpty();
    }

    [Fact]
    public void Render_CalledTwice_GivesTheSameText() =>
        SvgBarChartRenderer.Render(Gap).ShouldBe(SvgBarChartRenderer.Render(Gap with { Bars = [.. Gap.Bars] }));

    [Fact]
    public void Render_InAnotherCulture_WritesInvariantNumbers()
    {
        var before = CultureInfo.CurrentCulture;
        var invariant = SvgBarChartRenderer.Render(Gap);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            SvgBarChartRenderer.Render(Gap).ShouldBe(invariant);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Render_NoBars_SaysNoFigures()
    {
        var svg = Parse(Chart());

        svg.Name.ShouldBe(Svg + "svg");
        ((string?)svg.Attribute("viewBox")).ShouldNotBeNullOrWhiteSpace();
        WithClass(svg, "sg-chart__empty").Single().Value.ShouldBe("No figures");
        svg.Descendants(Svg + "rect").ShouldBeEmpty();
    }

    [Fact]
    public void Render_EveryValueZero_DrawsEmptyBarsOnAnAxisToOne()
    {
        var svg = Parse(Chart(Bar("Rule 35(1) reports", 0), Bar("Releases", 0)));

        WithClass(svg, "sg-chart__bar").Select(Width).ShouldBe([0m, 0m]);
        WithClass(svg, "sg-chart__tick").Select(t => t.Value).ShouldBe(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
    }

    [Fact]
    public void Render_NoBarHasAValue_DrawsNoAxis()
    {
        var svg = Parse(Chart(Bar("Rule 35(1) reports", null, ObservationStatus.NotHeld)));

        WithClass(svg, "sg-chart__tick").ShouldBeEmpty();
        WithClass(svg, "sg-chart__value--missing").Single().Value.ShouldBe("not held");
    }

    [Fact]
    public void Render_Ticks_AreNiceAndUseThousandsSeparators() =>
        WithClass(Parse(Gap), "sg-chart__tick").Select(t => t.Value)
            .ShouldBe(["0", "500", "1,000", "1,500", "2,000"]);

    [Fact]
    public void Render_BarAtTheNiceMaximum_FillsThePlot()
    {
        var svg = Parse(Chart(Bar("Rule 35(1) reports", 2000), Bar("Releases", 1000)));

        var widths = WithClass(svg, "sg-chart__bar").Select(Width).ToList();
        widths[0].ShouldBe(2 * widths[1]);
        var axis = WithClass(svg, "sg-chart__axis").Single();
        var lastGridline = WithClass(svg, "sg-chart__gridline").Last();
        decimal X(XElement e, string name) => decimal.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        (X(axis, "x1") + widths[0]).ShouldBe(X(lastGridline, "x1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-chart")]
    [InlineData("gap chart")]
    [InlineData("gap\"chart")]
    public void Render_IdUnfitForElementIds_Throws(string id) =>
        Should.Throw<ArgumentException>(() => SvgBarChartRenderer.Render(Gap with { Id = id }));

    [Fact]
    public void Render_NegativeValue_Throws() =>
        Should.Throw<ArgumentException>(() => SvgBarChartRenderer.Render(Chart(Bar("Change", -3))))
            .Message.ShouldContain("Change");

    [Theory]
    [InlineData(0, 1, 0.2)]
    [InlineData(0.3, 1, 0.2)]
    [InlineData(1, 1, 0.2)]
    [InlineData(1.2, 2, 0.5)]
    [InlineData(2.2, 2.5, 0.5)]
    [InlineData(74, 100, 20)]
    [InlineData(1292, 2000, 500)]
    [InlineData(2000, 2000, 500)]
    [InlineData(2001, 2500, 500)]
    [InlineData(4999, 5000, 1000)]
    public void ValueScale_For_RoundsUpToANiceMaximum(decimal largest, decimal maximum, decimal step) =>
        ValueScale.For(largest).ShouldBe(new ValueScale(maximum, step));

    [Theory]
    [InlineData("Rule 35(1) reports", 34, new[] { "Rule 35(1) reports" })]
    [InlineData("Reports at Yarl's Wood & Harmondsworth", 20, new[] { "Reports at Yarl's", "Wood & Harmondsworth" })]
    [InlineData("Immigration", 5, new[] { "Immig", "ratio", "n" })]
    [InlineData("", 10, new[] { "" })]
    public void WrapLabel_LongLabel_BreaksAtSpaces(string label, int width, string[] lines) =>
        SvgBarChartRenderer.WrapLabel(label, width).ShouldBe(lines);
}
