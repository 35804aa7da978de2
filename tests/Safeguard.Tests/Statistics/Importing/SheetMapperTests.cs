using System.Text;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics.Importing;

public sealed class SheetMapperTests
{
    private static readonly ImportCatalogue Catalogue = new(
        [("rule35-1-reports", "Rule 35(1) reports"), ("rule35-3-reports", "Rule 35(3) reports"), ("use-of-force-incidents", "Use of force incidents")],
        [("brook-house", "Brook House IRC"), ("colnbrook", "Colnbrook IRC"), ("yarls-wood", "Yarl's Wood IRC"), ("prison-estate", "HM Prisons")]);

    /// <summary>A tidy FOI answer: one row per centre and quarter; <paramref name="extra"/> is added to the JSON.</summary>
    private static TemplateDefinition TidyTemplate(string extra = "", string place = """{ "column": "Centre" }""") => TemplateDefinition.Parse($$"""
        {
          "name": "foi-rule-35", "series": "FOI answers: rule 35(1) reports",
          "measure": { "value": "rule35-1-reports" },
          "place": {{place}},
          "period": { "column": "Quarter" },
          "values": [ { "column": "Reports" } ]{{extra}}
        }
        """, "test template");

    private static readonly object?[] TidyHeadings = ["Centre", "Quarter", "Reports"];

    private static MappedSheet Map(TemplateDefinition template, IWorkbook workbook) =>
        new SheetMapper(template, Catalogue).Map(workbook, null, TestContext.Current.CancellationToken);

    private static MappedSheet MapTidy(params object?[][] rows) => Map(TidyTemplate(), InMemoryWorkbook.Of("foi.xlsx", "Answer", [TidyHeadings, .. rows]));

    private static ImportedFigure Figure(MappedSheet sheet, string measure, string place, string period, string breakdown = "") =>
        sheet.Figures.Single(f => f.Measure == measure && f.Place == place && f.Period.Key == period && f.Breakdown == breakdown);

    private static List<ImportIssue> Errors(MappedSheet sheet) => [.. sheet.Issues.Where(i => i.Severity == ImportIssueSeverity.Error)];

    private static List<ImportIssue> Warnings(MappedSheet sheet) => [.. sheet.Issues.Where(i => i.Severity == ImportIssueSeverity.Warning)];

    [Fact]
    public void Map_TidyRows_GiveOneFigurePerRowWithItsCell()
    {
        var sheet = MapTidy(
            ["Brook House IRC", "2024 Q1", "1,340"],
            ["Colnbrook IRC", "Q1 2024", "*"],
            ["Yarl's Wood IRC", "2024-Q2", "<5"]);

        sheet.Issues.ShouldBeEmpty();
        sheet.HasErrors.ShouldBeFalse();
        sheet.RowsRead.ShouldBe(3, "the rows below the headings");
        sheet.Figures.Count.ShouldBe(3);
        var brookHouse = Figure(sheet, "rule35-1-reports", "brook-house", "2024-Q1");
        brookHouse.Value.ShouldBe(1340m);
        brookHouse.Status.ShouldBe(ObservationStatus.Exact);
        brookHouse.Location.ShouldBe("sheet 'Answer', cell C2");
        var colnbrook = Figure(sheet, "rule35-1-reports", "colnbrook", "2024-Q1");
        colnbrook.Value.ShouldBeNull();
        colnbrook.Status.ShouldBe(ObservationStatus.Suppressed);
        Figure(sheet, "rule35-1-reports", "yarls-wood", "2024-Q2").Status.ShouldBe(ObservationStatus.AtMost);
    }

    [Fact]
    public void Map_BlankFigure_IsNotAvailableNeverZero()
    {
        var sheet = MapTidy(["Brook House IRC", "2024 Q1", null, "comment"]);

        var figure = sheet.Figures.ShouldHaveSingleItem();
        figure.Value.ShouldBeNull();
        figure.Status.ShouldBe(ObservationStatus.NotAvailable);
    }

    [Fact]
    public void Map_NumberCells_AreRead()
    {
        var sheet = MapTidy(["Brook House IRC", "2024 Q1", 1340.5m]);

        sheet.Figures.ShouldHaveSingleItem().Value.ShouldBe(1340.5m);
    }

    [Fact]
    public void Map_BadFigure_IsAnErrorAtItsCell()
    {
        var sheet = MapTidy(["Brook House IRC", "2024 Q1", "12a"]);

        sheet.Figures.ShouldBeEmpty();
        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', cell C2");
        error.Message.ShouldStartWith("'12a' is not a figure");
    }

    [Fact]
    public void Map_DuplicateRowsWithoutSum_IsAnErrorNamingBothLocations()
    {
        var sheet = MapTidy(
            ["Brook House IRC", "2024 Q1", "3"],
            ["Colnbrook IRC", "2024 Q1", "4"],
            ["Brook House IRC", "2024-Q1", "5"]);

        sheet.HasErrors.ShouldBeTrue();
        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', cell C4");
        error.Message.ShouldContain("sheet 'Answer', cell C2");
        error.Message.ShouldContain("brook-house");
        error.Message.ShouldContain("\"sum\": true");
    }

    [Fact]
    public void Map_DuplicateRowsWithSum_AreAddedUp()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", TidyHeadings,
            ["Brook House IRC", "2024 Q1", "3"],
            ["Colnbrook IRC", "2024 Q1", "4"],
            ["Brook House IRC", "2024-Q1", "1,005"],
            ["Brook House IRC", "2024 Q1", "nil"]);

        var sheet = Map(TidyTemplate(""", "sum": true"""), workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count.ShouldBe(2);
        var summed = Figure(sheet, "rule35-1-reports", "brook-house", "2024-Q1");
        summed.Value.ShouldBe(1008m);
        summed.Status.ShouldBe(ObservationStatus.Exact);
        summed.Location.ShouldBe("sheet 'Answer', column C (Reports): sum of 3 rows from row 2 to row 5");
        Figure(sheet, "rule35-1-reports", "colnbrook", "2024-Q1").Location.ShouldBe("sheet 'Answer', cell C3");
    }

    [Fact]
    public void Map_SumWithASuppressedPart_HasNoValue()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", TidyHeadings,
            ["Brook House IRC", "2024 Q1", "3"],
            ["Brook House IRC", "2024 Q1", "[c]"]);

        var figure = Map(TidyTemplate(""", "sum": true"""), workbook).Figures.ShouldHaveSingleItem();

        figure.Value.ShouldBeNull();
        figure.Status.HasValue().ShouldBeFalse();
    }

    [Fact]
    public void Map_UnknownPlace_IsAnErrorAtTheLabelsCell()
    {
        var sheet = MapTidy(
            ["Brook House IRC", "2024 Q1", "3"],
            ["HMP Example", "2024 Q1", "4"]);

        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', cell A3");
        error.Message.ShouldBe("'HMP Example' is not a known place; add it to the template's \"place\" map or to the places");
        sheet.Figures.ShouldHaveSingleItem().Place.ShouldBe("brook-house");
    }

    [Fact]
    public void Map_PlaceInTheTemplatesMap_IsResolved()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", TidyHeadings, ["hmp  example", "2024 Q1", "4"]);

        var sheet = Map(TidyTemplate(place: """{ "column": "Centre", "map": { "HMP Example": "prison-estate" } }"""), workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.ShouldHaveSingleItem().Place.ShouldBe("prison-estate");
    }

    [Theory]
    [InlineData("brook-house")]
    [InlineData("BROOK HOUSE IRC")]
    [InlineData("Brook  House IRC [note 2]")]
    public void Map_PlaceBySlugOrLooselyWrittenName_IsResolved(string label) =>
        MapTidy([label, "2024 Q1", "4"]).Figures.ShouldHaveSingleItem().Place.ShouldBe("brook-house");

    [Fact]
    public void Map_CurlyApostrophe_MatchesThePlace() =>
        MapTidy(["Yarl\u2019s Wood IRC", "2024 Q1", "4"]).Figures.ShouldHaveSingleItem().Place.ShouldBe("yarls-wood");

    [Fact]
    public void Map_UnreadablePeriod_IsAnErrorAtThePeriodCell()
    {
        var error = Errors(MapTidy(["Brook House IRC", "last quarter", "4"])).ShouldHaveSingleItem();

        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', cell B2");
        error.Message.ShouldContain("'last quarter' is not a period");
    }

    [Fact]
    public void Map_MissingHeadingColumn_IsAnErrorListingTheHeadingsFound()
    {
        var sheet = Map(TidyTemplate(), InMemoryWorkbook.Of("foi.xlsx", "Answer", ["Centre", "Quarter", "Count "], ["Brook House IRC", "2024 Q1", "4"]));

        sheet.Figures.ShouldBeEmpty();
        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', row 1");
        error.Message.ShouldBe("no column is headed 'Reports'; the headings in row 1 are: 'Centre', 'Quarter', 'Count'");
    }

    [Fact]
    public void Map_HeadingsWrittenLoosely_AreFound()
    {
        var sheet = Map(TidyTemplate(), InMemoryWorkbook.Of("foi.xlsx", "Answer", ["CENTRE", " quarter ", "Reports [note 1]"], ["Brook House IRC", "2024 Q1", "4"]));

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.ShouldHaveSingleItem().Value.ShouldBe(4m);
    }

    [Fact]
    public void Map_MissingSheet_IsAnErrorListingTheSheets()
    {
        var workbook = new InMemoryWorkbook("foi.xlsx", [InMemoryWorkbook.Sheet("Cover", ["About this answer"]), InMemoryWorkbook.Sheet("Table 1", TidyHeadings)]);

        var sheet = Map(TidyTemplate(""", "sheet": "Table 2" """), workbook);

        sheet.Figures.ShouldBeEmpty();
        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("foi.xlsx");
        error.Message.ShouldBe("there is no sheet named 'Table 2'; the sheets are: 'Cover', 'Table 1'");
    }

    [Fact]
    public void Map_SheetNamedInAnotherCase_IsFound()
    {
        var workbook = new InMemoryWorkbook("foi.xlsx", [InMemoryWorkbook.Sheet("Cover", ["About this answer"]),
            InMemoryWorkbook.Sheet("Table 2", TidyHeadings, ["Brook House IRC", "2024 Q1", "4"])]);

        var sheet = Map(TidyTemplate(""", "sheet": "table 2" """), workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.ShouldHaveSingleItem().Location.ShouldBe("sheet 'Table 2', cell C2");
    }

    [Fact]
    public void Map_NoSheetNamed_ReadsTheFirst()
    {
        var workbook = new InMemoryWorkbook("foi.xlsx", [InMemoryWorkbook.Sheet("Data", TidyHeadings, ["Brook House IRC", "2024 Q1", "4"]),
            InMemoryWorkbook.Sheet("Notes", ["Notes"])]);

        Map(TidyTemplate(), workbook).Figures.ShouldHaveSingleItem().Location.ShouldBe("sheet 'Data', cell C2");
    }

    [Fact]
    public void Map_WorkbookWarnings_AreKept()
    {
        var warning = ImportIssue.Warning("foi.csv", "read as Windows-1252, not UTF-8");
        var workbook = new InMemoryWorkbook("foi.csv", [InMemoryWorkbook.Sheet("foi", TidyHeadings, ["Brook House IRC", "2024 Q1", "4"])]) { Warnings = [warning] };

        Map(TidyTemplate(), workbook).Issues.ShouldBe([warning]);
    }

    [Fact]
    public void Map_HeaderRowBelowTheEndOfTheSheet_SaysSo()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", ["Rule 35 reports"]);

        var error = Errors(Map(TidyTemplate(""", "headerRow": 3"""), workbook)).ShouldHaveSingleItem();

        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', row 3");
        error.Message.ShouldContain("the sheet ends before row 3");
    }

    [Fact]
    public void Map_HeaderRowEmpty_SaysItIsEmptyNotThatTheSheetEnds()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", ["Rule 35 reports"], [], [], TidyHeadings, ["Brook House IRC", "2024 Q1", "4"]);

        var error = Errors(Map(TidyTemplate(""", "headerRow": 3"""), workbook)).ShouldHaveSingleItem();

        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', row 3");
        error.Message.ShouldContain("row 3");
        error.Message.ShouldContain("is empty");
    }

    [Fact]
    public void Map_TitleRowsAboveTheHeaderRow_AreSkipped()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", ["FOI 01234: rule 35 reports"], [], TidyHeadings, ["Brook House IRC", "2024 Q1", "4"]);

        var sheet = Map(TidyTemplate(""", "headerRow": 3"""), workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.ShouldHaveSingleItem().Location.ShouldBe("sheet 'Answer', cell C4");
    }

    [Fact]
    public void Map_FootnoteRows_EndTheTable()
    {
        var sheet = MapTidy(
            ["Brook House IRC", "2024 Q1", "3"],
            ["Colnbrook IRC", "2024 Q1", "4"],
            [],
            ["Source: Home Office management information", null, "not a figure"],
            ["Notes"],
            ["1. Figures are provisional.", "2024 Q1", "12a"]);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count.ShouldBe(2);
    }

    [Fact]
    public void Map_LineInTheFirstColumnOnly_IsNotARowOfFigures()
    {
        var sheet = MapTidy(
            ["Brook House IRC", "2024 Q1", "3"],
            ["Centres run by the same contractor:"],
            ["Colnbrook IRC", "2024 Q1", "4"]);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count.ShouldBe(2);
    }

    [Fact]
    public void Map_SheetOfOnlyFootnotes_IsAClearError()
    {
        var sheet = MapTidy(["Source: Home Office"], ["Notes"], ["Figures for this period are not held."]);

        sheet.Figures.ShouldBeEmpty();
        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("foi.xlsx, sheet 'Answer'");
        error.Message.ShouldBe("no figures were found below the headings in row 1; the sheet holds only headings or notes");
    }

    [Fact]
    public void Map_FillDownLabels_RepeatTheLabelAbove()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", TidyHeadings,
            ["Brook House IRC", "2024 Q1", "3"],
            [null, "2024 Q2", "4"],
            [null, "2024 Q3", "5"],
            ["Colnbrook IRC", "2024 Q1", "6"],
            [null, "2024 Q2", "7"]);

        var sheet = Map(TidyTemplate(place: """{ "column": "Centre", "fillDown": true }"""), workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count(f => f.Place == "brook-house").ShouldBe(3);
        Figure(sheet, "rule35-1-reports", "brook-house", "2024-Q3").Value.ShouldBe(5m);
        Figure(sheet, "rule35-1-reports", "colnbrook", "2024-Q2").Value.ShouldBe(7m);
    }

    [Fact]
    public void Map_BlankLabelWithoutFillDown_IsAnErrorAtTheBlankCell()
    {
        var error = Errors(MapTidy(["Brook House IRC", "2024 Q1", "3"], [null, "2024 Q2", "4"])).ShouldHaveSingleItem();

        error.Location.ShouldBe("foi.xlsx, sheet 'Answer', cell A3");
        error.Message.ShouldBe("the place is blank");
    }

    [Fact]
    public void Map_FillDownWithNothingAbove_IsAnError()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", TidyHeadings, [null, "2024 Q1", "3"]);

        var error = Errors(Map(TidyTemplate(place: """{ "column": "Centre", "fillDown": true }"""), workbook)).ShouldHaveSingleItem();

        error.Message.ShouldBe("the place is blank");
    }

    [Fact]
    public void Map_MoreErrorsThanAreListed_AreCountedAndTheListSaysItIsCapped()
    {
        var rows = Enumerable.Range(0, SheetMapper.MaxListedErrors + 50).Select(i => new object?[] { "Brook House IRC", "2024 Q1", $"{i}a" }).ToArray();

        var sheet = MapTidy(rows);

        sheet.ErrorCount.ShouldBe(SheetMapper.MaxListedErrors + 50);
        var errors = Errors(sheet);
        errors.Count.ShouldBe(SheetMapper.MaxListedErrors + 1);
        errors[^1].Message.ShouldBe($"and more errors; only the first {SheetMapper.MaxListedErrors} are listed");
        errors[0].Location.ShouldBe("foi.xlsx, sheet 'Answer', cell C2");
    }

    [Fact]
    public void Map_Csv_WritesLocationsAsRowAndColumn()
    {
        var workbook = InMemoryWorkbook.Csv("answer.csv", TidyHeadings,
            ["Brook House IRC", "2024 Q1", "3"],
            ["Colnbrook IRC", "2024 Q1", "4"],
            ["Brook House IRC", "2024 Q2", "5"],
            ["HMP Example", "2024 Q1", "6"],
            ["Colnbrook IRC", "2024 Q2", "1,34"]);

        var sheet = Map(TidyTemplate(), workbook);

        Figure(sheet, "rule35-1-reports", "brook-house", "2024-Q1").Location.ShouldBe("row 2, column C");
        Errors(sheet).Select(e => e.Location).ShouldBe(["answer.csv, row 5, column A", "answer.csv, row 6, column C"]);
    }

    [Theory]
    [InlineData("answer.csv", "row 2, column C")]
    [InlineData("ANSWER.CSV", "row 2, column C")]
    [InlineData("answer.txt", "row 2, column C")]
    [InlineData("answer.xlsx", "sheet 'answer', cell C2")]
    [InlineData("answer.ods", "sheet 'answer', cell C2")]
    public void Map_Location_IsWrittenForTheKindOfFile(string fileName, string location) =>
        Map(TidyTemplate(), InMemoryWorkbook.Csv(fileName, TidyHeadings, ["Brook House IRC", "2024 Q1", "3"]))
            .Figures.ShouldHaveSingleItem().Location.ShouldBe(location);

    [Fact]
    public void Map_CsvOfOnlyHeadings_NamesTheFile() =>
        Errors(Map(TidyTemplate(), InMemoryWorkbook.Csv("answer.csv", TidyHeadings))).ShouldHaveSingleItem().Location.ShouldBe("answer.csv");

    [Fact]
    public void Map_CsvFileThroughTheReader_GivesFiguresAndLocations()
    {
        var csv = "Centre,Quarter,Reports\r\nBrook House IRC,2024 Q1,\"1,340\"\r\nColnbrook IRC,2024 Q1,:\r\nYarl's Wood IRC,2024 Q1,12a\r\nSource: synthetic,,\r\n";
        using var workbook = WorkbookFile.Open("answer.csv", Encoding.UTF8.GetBytes(csv), new ImportLimits());

        var sheet = Map(TidyTemplate(), workbook);

        var brookHouse = Figure(sheet, "rule35-1-reports", "brook-house", "2024-Q1");
        brookHouse.Value.ShouldBe(1340m);
        brookHouse.Location.ShouldBe("row 2, column C");
        Figure(sheet, "rule35-1-reports", "colnbrook", "2024-Q1").Status.ShouldBe(ObservationStatus.NotAvailable);
        var error = Errors(sheet).ShouldHaveSingleItem();
        error.Location.ShouldBe("answer.csv, row 4, column C");
        error.ToString().ShouldStartWith("error: answer.csv, row 4, column C: '12a' is not a figure");
    }

    [Fact]
    public void Map_CsvWithYearAndQuarterColumns_ReadsQuarters()
    {
        var template = TemplateDefinition.Parse("""
            {
              "name": "quarters", "series": "s",
              "measure": { "value": "use-of-force-incidents" }, "place": { "value": "colnbrook" },
              "period": { "column": "Year", "quarterColumn": "Quarter" },
              "values": [ { "column": "Incidents" } ]
            }
            """, "t");
        using var workbook = WorkbookFile.Open("force.csv", "Year,Quarter,Incidents\n2023,4,17\n2024,1,21\n"u8.ToArray(), new ImportLimits());

        var sheet = Map(template, workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Select(f => (f.Period.Key, f.Value)).ShouldBe([("2023-Q4", 17m), ("2024-Q1", 21m)]);
    }

    [Fact]
    public void Map_ValueColumnsWithMeasuresAndBreakdowns_GiveAFigurePerColumn()
    {
        var template = TemplateDefinition.Parse("""
            {
              "name": "by-sex", "series": "s",
              "place": { "column": "Centre" }, "period": { "value": "2024" },
              "breakdowns": { "sex": { "column": "Sex", "map": { "M": "Male" } } },
              "values": [
                { "column": "Rule 35(1)", "measure": "rule35-1-reports" },
                { "column": "Rule 35(3) adults", "measure": "rule35-3-reports", "breakdowns": { "age": "18 and over" } }
              ]
            }
            """, "t");
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", ["Centre", "Sex", "Rule 35(1)", "Rule 35(3) adults"],
            ["Brook House IRC", "M", "3", "9"],
            ["Brook House IRC", "Female (all ages)", "1", "2"]);

        var sheet = Map(template, workbook);

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count.ShouldBe(4);
        Figure(sheet, "rule35-1-reports", "brook-house", "2024", "sex=male").Value.ShouldBe(3m);
        Figure(sheet, "rule35-3-reports", "brook-house", "2024", "age=18-and-over;sex=male").Value.ShouldBe(9m);
        Figure(sheet, "rule35-3-reports", "brook-house", "2024", "age=18-and-over;sex=female-all-ages").Location.ShouldBe("sheet 'Answer', cell D3");
    }

    [Fact]
    public void Map_TotalRowOfABreakdown_IsCheckedNotImported()
    {
        var template = TemplateDefinition.Parse("""
            {
              "name": "by-sex", "series": "s",
              "measure": { "value": "rule35-1-reports" }, "place": { "value": "brook-house" }, "period": { "value": "2024" },
              "breakdowns": { "sex": { "column": "Sex" } },
              "values": [ { "column": "Reports" } ]
            }
            """, "t");
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", ["Sex", "Reports"], ["Male", "30"], ["Female", "12"], ["All", "43"]);

        var sheet = Map(template, workbook);

        sheet.Figures.Select(f => f.Breakdown).ShouldBe(["sex=male", "sex=female"], ignoreOrder: true);
        var warning = Warnings(sheet).ShouldHaveSingleItem();
        warning.Location.ShouldBe("foi.xlsx, sheet 'Answer', cell B4");
        warning.Message.ShouldBe("the total 43 does not equal the sum of its 2 parts, 42");
    }

    [Fact]
    public void Fits_TemplateWhoseHeadingsAreThere_Fits()
    {
        var workbook = InMemoryWorkbook.Of("foi.xlsx", "Answer", TidyHeadings, ["Brook House IRC", "2024 Q1", "4"]);

        SheetMapper.Fits(TidyTemplate(), workbook, TestContext.Current.CancellationToken).ShouldBeTrue();
        SheetMapper.Fits(TidyTemplate(""", "sheet": "Other" """), workbook, TestContext.Current.CancellationToken).ShouldBeFalse();
        SheetMapper.Fits(TidyTemplate(), InMemoryWorkbook.Of("foi.xlsx", "Answer", ["Centre", "Quarter", "Count"]), TestContext.Current.CancellationToken)
            .ShouldBeFalse();
    }
}
