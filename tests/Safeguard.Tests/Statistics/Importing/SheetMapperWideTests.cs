using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics.Importing;

/// <summary>
/// An FOI answer as a person lays it out: a title, a merged period heading over the measure headings, centres down
/// column A, a total column in each period and a total row, then the source and notes.
/// </summary>
public sealed class SheetMapperWideTests
{
    private static readonly ImportCatalogue Catalogue = new(
        [("rule35-1-reports", "Rule 35(1) reports completed"), ("rule35-3-reports", "Rule 35(3) reports completed")],
        [("brook-house", "Brook House IRC"), ("colnbrook", "Colnbrook IRC"), ("yarls-wood", "Yarl's Wood IRC")]);

    private static readonly TemplateDefinition Template = TemplateDefinition.Parse("""
        {
          "name": "foi-rule-35-by-centre", "series": "FOI answers: rule 35 reports by centre",
          "layout": "wide", "sheet": "Rule 35", "headerRow": 3,
          "measure": { "headingRow": 3, "map": { "Rule 35(1)": "rule35-1-reports", "Rule 35(3)": "rule35-3-reports" } },
          "place": { "column": "Centre" },
          "period": { "headingRow": 2 }
        }
        """, "test template");

    /// <summary>The answer with its totals right, except where <paramref name="change"/> alters a row.</summary>
    private static object?[][] Answer(Action<object?[][]>? change = null)
    {
        object?[][] rows =
        [
            ["Rule 35 reports by centre, January to June 2024"],
            [null, "Jan-Mar 2024", null, null, "Apr-Jun 2024", null, null],
            ["Centre", "Rule 35(1)", "Rule 35(3)", "Total", "Rule 35(1)", "Rule 35(3)", "Total"],
            ["Brook House IRC", 12, 30, 42, 10, 25, 35],
            ["Colnbrook IRC", "4", "18", "22", "6", "20", "26"],
            ["Yarl's Wood IRC", 7, 9, 16, "*", 11, 15],
            ["Total", 23, 57, 80, 20, 56, 76],
            [],
            ["Source: Home Office, FOI 01234 (synthetic)"],
            ["Notes"],
            ["1. Figures are management information and may change."],
        ];
        change?.Invoke(rows);
        return rows;
    }

    private static MappedSheet Map(object?[][] rows) =>
        new SheetMapper(Template, Catalogue).Map(InMemoryWorkbook.Of("foi-01234.xlsx", "Rule 35", rows), null, TestContext.Current.CancellationToken);

    private static ImportedFigure Figure(MappedSheet sheet, string measure, string place, string period) =>
        sheet.Figures.Single(f => f.Measure == measure && f.Place == place && f.Period.Key == period);

    [Fact]
    public void Map_WideAnswer_GivesAFigureForEveryCentreMeasureAndPeriod()
    {
        var sheet = Map(Answer());

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count.ShouldBe(3 * 2 * 2);
        var brookHouse = Figure(sheet, "rule35-3-reports", "brook-house", "2024-Q1");
        brookHouse.Value.ShouldBe(30m);
        brookHouse.Location.ShouldBe("sheet 'Rule 35', cell C4");
        brookHouse.Breakdown.ShouldBe("");
        Figure(sheet, "rule35-1-reports", "colnbrook", "2024-Q1").Value.ShouldBe(4m);
        // Under the merged heading: only E2 holds "Apr-Jun 2024", and F and G take it from there.
        var yarlsWood = Figure(sheet, "rule35-3-reports", "yarls-wood", "2024-Q2");
        yarlsWood.Value.ShouldBe(11m);
        yarlsWood.Location.ShouldBe("sheet 'Rule 35', cell F6");
        var suppressed = Figure(sheet, "rule35-1-reports", "yarls-wood", "2024-Q2");
        suppressed.Status.ShouldBe(ObservationStatus.Suppressed);
        suppressed.Value.ShouldBeNull();
    }

    [Fact]
    public void Map_MonthHeadingsKeptAsDates_AreMonthsNotTheirFirstDays()
    {
        var sheet = Map(Answer(rows =>
        {
            rows[1][1] = new Cell(0, "2024-03", CellKind.Month);
            rows[1][4] = new Cell(0, "2024-04", CellKind.Month);
        }));

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Select(f => f.Period.Key).Distinct().Order().ShouldBe(["2024-03", "2024-04"]);
        Figure(sheet, "rule35-3-reports", "brook-house", "2024-03").Value.ShouldBe(30m);
        Figure(sheet, "rule35-3-reports", "yarls-wood", "2024-04").Period.End.ShouldBe(new DateOnly(2024, 4, 30));
    }

    [Fact]
    public void Map_ACentreWithEveryFigureBlank_IsNotAvailable_NotANote()
    {
        var sheet = Map(Answer(rows => rows[5] = ["Yarl's Wood IRC"]));

        sheet.Issues.ShouldBeEmpty();
        var blanks = sheet.Figures.Where(f => f.Place == "yarls-wood").ToList();
        blanks.Count.ShouldBe(2 * 2, "both measures in both quarters");
        blanks.ShouldAllBe(f => f.Status == ObservationStatus.NotAvailable && f.Value == null);
        blanks.Single(f => f.Measure == "rule35-1-reports" && f.Period.Key == "2024-Q1").Location.ShouldBe("sheet 'Rule 35', cell B6");
    }

    [Fact]
    public void Map_TotalRowAndColumns_AreNotImported()
    {
        var sheet = Map(Answer());

        sheet.Figures.Count.ShouldBe(3 * 2 * 2, "each centre's two measures in each period, and nothing else");
        sheet.Figures.ShouldAllBe(f => f.Place != "(total)" && f.Measure != "(total)");
        sheet.Figures.ShouldNotContain(f => f.Location.Contains("cell D", StringComparison.Ordinal) || f.Location.Contains("cell G", StringComparison.Ordinal));
        sheet.Figures.ShouldNotContain(f => f.Location.EndsWith('7'));
    }

    [Fact]
    public void Map_TotalColumnThatDisagreesWithItsParts_IsAWarningNamingTheCell()
    {
        var sheet = Map(Answer(rows => rows[3][3] = 43));

        sheet.HasErrors.ShouldBeFalse();
        sheet.Figures.Count.ShouldBe(12);
        var warning = sheet.Issues.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(ImportIssueSeverity.Warning);
        warning.Location.ShouldBe("foi-01234.xlsx, sheet 'Rule 35', cell D4");
        warning.Message.ShouldBe("the total 43 does not equal the sum of its 2 parts, 42");
    }

    [Fact]
    public void Map_TotalRowThatDisagreesWithItsParts_IsAWarningNamingTheCell()
    {
        var sheet = Map(Answer(rows => rows[6][5] = "1,056"));

        var warning = sheet.Issues.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(ImportIssueSeverity.Warning);
        warning.Location.ShouldBe("foi-01234.xlsx, sheet 'Rule 35', cell F7");
        warning.Message.ShouldBe("the total 1,056 does not equal the sum of its 3 parts, 56");
    }

    [Fact]
    public void Map_TotalOverASuppressedPart_IsNotChecked()
    {
        // E7 and G6 total parts that include Yarl's Wood's suppressed figure, so no sum can be checked against them.
        var sheet = Map(Answer(rows =>
        {
            rows[6][4] = 999;
            rows[5][6] = 999;
        }));

        sheet.Issues.ShouldBeEmpty();
    }

    [Fact]
    public void Map_TotalWithAStatus_IsNotChecked() =>
        Map(Answer(rows => rows[3][3] = "at least 40")).Issues.ShouldBeEmpty();

    [Fact]
    public void Map_UnknownCentre_IsAnErrorAtItsLabel()
    {
        var sheet = Map(Answer(rows => rows[4][0] = "Campsfield House IRC"));

        // Every cell of the row, the total column's too, needs the centre.
        var errors = sheet.Issues.Where(i => i.Severity == ImportIssueSeverity.Error).ToList();
        errors.Count.ShouldBe(6);
        errors.ShouldAllBe(i => i.Location == "foi-01234.xlsx, sheet 'Rule 35', cell A5");
        errors[0].Message.ShouldStartWith("'Campsfield House IRC' is not a known place");
        sheet.Figures.Count.ShouldBe(2 * 2 * 2);
    }

    [Fact]
    public void Map_UnknownMeasureHeading_IsAnErrorAtTheFigure()
    {
        var sheet = Map(Answer(rows => rows[2][4] = "Rule 35(2)"));

        var errors = sheet.Issues.Where(i => i.Severity == ImportIssueSeverity.Error).ToList();
        errors.Count.ShouldBe(4);
        errors[0].Location.ShouldBe("foi-01234.xlsx, sheet 'Rule 35', cell E4");
        errors[0].Message.ShouldBe("'Rule 35(2)' is not a known measure; add it to the template's \"measure\" map");
    }

    [Fact]
    public void Map_PeriodGroupForTheWholeSpan_IsATotalNotAnError()
    {
        // A third group headed "Total" adds up the two quarters for each measure; it is not a period.
        var sheet = Map(Answer(rows =>
        {
            rows[1] = [.. rows[1], "Total", null];
            rows[2] = [.. rows[2], "Rule 35(1)", "Rule 35(3)"];
            rows[3] = [.. rows[3], 22, 55];
        }));

        sheet.Issues.ShouldBeEmpty();
        sheet.Figures.Count.ShouldBe(12);
    }

    [Fact]
    public void Map_WideSheetWithOnlyHeadingsAndNotes_IsAClearError()
    {
        var sheet = Map([.. Answer().Take(3), [], ["Source: Home Office"], ["Notes"]]);

        sheet.Figures.ShouldBeEmpty();
        var error = sheet.Issues.ShouldHaveSingleItem();
        error.Location.ShouldBe("foi-01234.xlsx, sheet 'Rule 35'");
        error.Message.ShouldContain("no figures were found below the headings in row 3");
    }

    [Fact]
    public void Map_HeadingRowsWithNoHeadingsRightOfTheLabels_SayTheTemplateNoLongerFits()
    {
        var sheet = Map([["Rule 35 reports"], [], ["Centre"], ["Brook House IRC", 12]]);

        var error = sheet.Issues.ShouldHaveSingleItem();
        error.Severity.ShouldBe(ImportIssueSeverity.Error);
        error.Location.ShouldBe("foi-01234.xlsx, sheet 'Rule 35', row 3");
        error.Message.ShouldContain("no columns of figures were found");
    }
}
