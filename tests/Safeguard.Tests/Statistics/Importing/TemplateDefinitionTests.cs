using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Importing.Values;

namespace Safeguard.Tests.Statistics.Importing;

public sealed class TemplateDefinitionTests
{
    private const string Tidy = """
        {
          "name": "foi-rule-35",
          "series": "FOI answers: rule 35 reports",
          "measure": { "value": "rule35-1-reports" },
          "place": { "column": "Centre", "map": { "HMP Example": "prison-estate" } },
          "period": { "column": "Quarter" },
          "values": [ { "column": "Reports" } ],
          "symbols": { "-": "zero" }
        }
        """;

    private static TemplateException Refused(string json) =>
        Should.Throw<TemplateException>(() => TemplateDefinition.Parse(json, "test.json"));

    private const string ShippedPrefix = "Safeguard.Statistics.Importing.Templates.Shipped.";

    public static TheoryData<string> ShippedResources() =>
        [.. typeof(TemplateStore).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ShippedPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Fact]
    public void ShippedResources_HoldATemplateForEveryHomeOfficeTable() => ShippedResources().Count.ShouldBe(9);

    [Theory]
    [MemberData(nameof(ShippedResources))]
    public void Parse_ShippedTemplate_IsValidAndNamedAfterItsFile(string resource)
    {
        using var reader = new StreamReader(typeof(TemplateStore).Assembly.GetManifestResourceStream(resource).ShouldNotBeNull());

        var template = TemplateDefinition.Parse(reader.ReadToEnd(), resource);

        template.Name.ShouldBe(resource[ShippedPrefix.Length..^".json".Length]);
        template.Series.ShouldStartWith("Home Office");
        template.Layout.ShouldBe(SheetLayout.Tidy);
        template.Values.ShouldNotBeEmpty();
    }

    [Fact]
    public void Shipped_LoadsEveryShippedTemplate() => TemplateStore.Shipped.Count.ShouldBe(ShippedResources().Count);

    [Fact]
    public void Parse_TidyTemplate_ReadsEveryPart()
    {
        var template = TemplateDefinition.Parse(Tidy, "test.json");

        template.Layout.ShouldBe(SheetLayout.Tidy);
        template.HeaderRow.ShouldBe(1);
        template.Measure.ShouldNotBeNull().Value.ShouldBe("rule35-1-reports");
        template.Place.ShouldNotBeNull().Map["HMP Example"].ShouldBe("prison-estate");
        template.Period.ShouldNotBeNull().Format.ShouldBe(PeriodFormat.Auto);
        template.Values.Single().Column.ShouldBe("Reports");
        template.Symbols["-"].ShouldBe("zero");
        template.TotalLabels.ShouldContain("Total");
        template.StopAt.ShouldContain("Source");
    }

    [Fact]
    public void ToJson_ThenParse_GivesTheSameTemplate()
    {
        var template = TemplateDefinition.Parse(Tidy, "test.json");

        var again = TemplateDefinition.Parse(template.ToJson(), "again.json");

        again.ToJson().ShouldBe(template.ToJson());
    }

    [Fact]
    public void Parse_KebabCaseFormat_IsRead()
    {
        var template = TemplateDefinition.Parse(Tidy.Replace("\"column\": \"Quarter\"", "\"column\": \"Date\", \"format\": \"quarter-end-date\"", StringComparison.Ordinal), "t");

        template.Period.ShouldNotBeNull().Format.ShouldBe(PeriodFormat.QuarterEndDate);
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefusedNamingIt()
    {
        var failure = Refused(Tidy.Replace("\"symbols\"", "\"simbols\"", StringComparison.Ordinal));

        failure.Message.ShouldStartWith("test.json:");
        failure.Message.ShouldContain("simbols");
    }

    [Fact]
    public void Parse_UnknownPropertyInADimension_IsRefusedNamingIt() =>
        Refused(Tidy.Replace("\"column\": \"Centre\"", "\"colum\": \"Centre\"", StringComparison.Ordinal)).Message.ShouldContain("colum");

    [Fact]
    public void Parse_NotJson_IsRefusedNamingTheOrigin() => Refused("{ \"name\": ").Message.ShouldStartWith("test.json:");

    [Fact]
    public void Parse_MissingDimension_IsRefusedNamingIt()
    {
        var failure = Refused(Tidy.Replace("\"place\": { \"column\": \"Centre\", \"map\": { \"HMP Example\": \"prison-estate\" } },", "", StringComparison.Ordinal));

        failure.Message.ShouldContain("\"place\" is missing");
    }

    [Fact]
    public void Parse_DimensionFromTwoSources_IsRefused() =>
        Refused(Tidy.Replace("{ \"value\": \"rule35-1-reports\" }", "{ \"value\": \"rule35-1-reports\", \"column\": \"Measure\" }", StringComparison.Ordinal))
            .Message.ShouldContain("\"measure\" must have exactly one of");

    [Fact]
    public void Parse_NoMeasureButEveryValueColumnHasOne_IsAccepted()
    {
        var template = TemplateDefinition.Parse(Tidy
            .Replace("\"measure\": { \"value\": \"rule35-1-reports\" },", "", StringComparison.Ordinal)
            .Replace("{ \"column\": \"Reports\" }", "{ \"column\": \"Reports\", \"measure\": \"rule35-1-reports\" }", StringComparison.Ordinal), "t");

        template.Measure.ShouldBeNull();
    }

    [Fact]
    public void Parse_TidyWithoutValues_IsRefused() =>
        Refused(Tidy.Replace("\"values\": [ { \"column\": \"Reports\" } ],", "", StringComparison.Ordinal))
            .Message.ShouldContain("A tidy layout needs \"values\"");

    [Fact]
    public void Parse_WideWithoutAHeadingRowDimension_IsRefused()
    {
        var failure = Refused("""
            {
              "name": "wide", "series": "s", "layout": "wide",
              "measure": { "value": "rule35-1-reports" }, "place": { "column": "Centre" }, "period": { "value": "2024" }
            }
            """);

        failure.Message.ShouldContain("A wide layout needs at least one dimension read from a heading row");
    }

    [Fact]
    public void Parse_WideWithValues_IsRefused() =>
        Refused("""
            {
              "name": "wide", "series": "s", "layout": "wide", "headerRow": 2,
              "measure": { "headingRow": 2 }, "place": { "column": "Centre" }, "period": { "headingRow": 1 },
              "values": [ { "column": "Reports" } ]
            }
            """).Message.ShouldContain("leave \"values\" out");

    [Fact]
    public void Parse_HeadingRowBelowTheHeaderRow_IsRefused() =>
        Refused("""
            {
              "name": "wide", "series": "s", "layout": "wide", "headerRow": 2,
              "measure": { "headingRow": 3 }, "place": { "column": "Centre" }, "period": { "value": "2024" }
            }
            """).Message.ShouldContain("\"measure\".headingRow");

    [Fact]
    public void Parse_HeadingRowInATidyLayout_IsRefused() =>
        Refused(Tidy.Replace("{ \"value\": \"rule35-1-reports\" }", "{ \"headingRow\": 1 }", StringComparison.Ordinal))
            .Message.ShouldContain("only for wide layouts");

    [Fact]
    public void Parse_BadSymbolMeaning_IsRefusedNamingTheSymbol()
    {
        var failure = Refused(Tidy.Replace("\"-\": \"zero\"", "\"-\": \"nothing\"", StringComparison.Ordinal));

        failure.Message.ShouldContain("'-'");
        failure.Message.ShouldContain("'nothing'");
    }

    [Fact]
    public void Parse_SymbolMeaningAStatusWithANumber_IsRefused() =>
        Refused(Tidy.Replace("\"-\": \"zero\"", "\"-\": \"exact\"", StringComparison.Ordinal)).Message.ShouldContain("'exact'");

    [Fact]
    public void Parse_HeaderRowZero_IsRefused() =>
        Refused(Tidy.Replace("\"series\"", "\"headerRow\": 0, \"series\"", StringComparison.Ordinal)).Message.ShouldContain("\"headerRow\" counts from 1");

    [Fact]
    public void Parse_EmptyName_IsRefused() =>
        Refused(Tidy.Replace("\"foi-rule-35\"", "\"\"", StringComparison.Ordinal)).Message.ShouldContain("\"name\" must be 1 to 80 characters");

    [Fact]
    public void Parse_SeveralProblems_AreAllListed()
    {
        var failure = Refused("""{ "name": "", "series": "s", "measure": { "value": "m" } }""");

        failure.Message.ShouldContain("\"name\"");
        failure.Message.ShouldContain("\"place\" is missing");
        failure.Message.ShouldContain("\"period\" is missing");
        failure.Message.ShouldContain("\"values\"");
    }
}
