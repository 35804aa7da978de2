using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;

namespace Safeguard.Tests.Statistics.Importing;

/// <summary>
/// Each shipped template against an extract of the Home Office table it is for (Fixtures/home-office), matched
/// against the catalogue every installation starts with. The sums were worked out by hand from the extracts.
/// </summary>
public sealed class ShippedTemplateTests
{
    private static readonly Lazy<ImportCatalogue> StartingCatalogue = new(LoadCatalogue);

    /// <summary>The measures and places that <see cref="StatisticsCatalogue"/> seeds, read back from a database in memory.</summary>
    private static ImportCatalogue LoadCatalogue()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqliteStatisticsDbContext(new DbContextOptionsBuilder<SqliteStatisticsDbContext>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        StatisticsCatalogue.EnsureAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return new ImportCatalogue(
            [.. db.Measures.AsNoTracking().Select(m => new { m.Slug, m.Name }).AsEnumerable().Select(m => (m.Slug, m.Name))],
            [.. db.Places.AsNoTracking().Select(p => new { p.Slug, p.Name }).AsEnumerable().Select(p => (p.Slug, p.Name))]);
    }

    private static MappedSheet Map(string templateName, string fileName)
    {
        var template = TemplateStore.Shipped.Single(t => t.Name == templateName);
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Statistics", "Importing", "Fixtures", "home-office", fileName));
        using var workbook = WorkbookFile.Open(fileName, bytes, new ImportLimits());
        SheetMapper.Fits(template, workbook, TestContext.Current.CancellationToken).ShouldBeTrue($"{templateName} should fit {fileName}");
        var sheet = new SheetMapper(template, StartingCatalogue.Value).Map(workbook, null, TestContext.Current.CancellationToken);
        sheet.Issues.ShouldBeEmpty();
        return sheet;
    }

    private static ImportedFigure Figure(MappedSheet sheet, string measure, string place, string period, string breakdown = "") =>
        sheet.Figures.Single(f => f.Measure == measure && f.Place == place && f.Period.Key == period && f.Breakdown == breakdown);

    [Fact]
    public void SummaryFlow_EveryColumnIsAFigureAndColonIsSuppressed()
    {
        var sheet = Map("home-office-det-01", "detention_summary_flow.csv");

        sheet.Figures.Count.ShouldBe(13 * 9);
        sheet.Figures.Select(f => f.Period.Key).Distinct().Count().ShouldBe(13);
        Figure(sheet, "people-entering-detention", "all-detention", "2010").Value.ShouldBe(25904m);
        Figure(sheet, "people-entering-detention", "all-detention", "2010", "claim=asylum").Value.ShouldBe(12878m);
        Figure(sheet, "people-leaving-detention", "all-detention", "2021", "claim=non-asylum").Value.ShouldBe(4358m);
        var total2022 = Figure(sheet, "people-in-detention", "all-detention", "2022");
        total2022.Value.ShouldBe(1159m);
        total2022.Location.ShouldBe("row 14, column H");
        foreach (var claim in new[] { "claim=asylum", "claim=non-asylum" })
        {
            var suppressed = Figure(sheet, "people-in-detention", "all-detention", "2022", claim);
            suppressed.Status.ShouldBe(ObservationStatus.Suppressed);
            suppressed.Value.ShouldBeNull();
        }
        sheet.Figures.Count(f => f.Status != ObservationStatus.Exact).ShouldBe(2);
    }

    [Fact]
    public void ChildrenEntering_GivesTheTotalAndEachAgeByYear()
    {
        var sheet = Map("home-office-children-entering", "children_entering_detention.csv");

        sheet.Figures.Count.ShouldBe(13 * 5);
        Figure(sheet, "children-entering-detention", "all-detention", "2021").Value.ShouldBe(515m);
        Figure(sheet, "children-entering-detention", "all-detention", "2021", "age=17").Value.ShouldBe(258m);
        Figure(sheet, "children-entering-detention", "all-detention", "2021", "age=12-to-16").Value.ShouldBe(257m);
        var none = Figure(sheet, "children-entering-detention", "all-detention", "2021", "age=4-and-under");
        none.Value.ShouldBe(0m);
        none.Status.ShouldBe(ObservationStatus.Exact);
        Figure(sheet, "children-entering-detention", "all-detention", "2010", "age=5-to-11").Value.ShouldBe(145m);
    }

    [Fact]
    public void DeathsAndAbsconds_GivesFourMeasuresByYear()
    {
        var sheet = Map("home-office-deaths-and-absconds", "detentions_deaths_and_absconds.csv");

        sheet.Figures.Count.ShouldBe(6 * 4);
        Figure(sheet, "deaths-in-detention", "all-detention", "2017").Value.ShouldBe(7m);
        Figure(sheet, "deaths-in-detention-estate", "all-detention", "2017").Value.ShouldBe(4m);
        Figure(sheet, "escapes-from-detention", "all-detention", "2022").Value.ShouldBe(1m);
        Figure(sheet, "absconds-from-escort", "all-detention", "2019").Value.ShouldBe(2m);
    }

    [Fact]
    public void CostPerDay_ReadsYearAndQuarterColumnsAsQuarters()
    {
        var sheet = Map("home-office-cost-per-day", "detention_cost_per_day.csv");

        sheet.Figures.Select(f => f.Period.Key).ShouldBe(
            ["2013-Q1", "2013-Q2", "2013-Q3", "2013-Q4", "2014-Q1", "2014-Q2", "2014-Q3", "2014-Q4", "2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4"]);
        sheet.Figures.ShouldAllBe(f => f.Measure == "detention-cost-per-day" && f.Place == "all-detention" && f.Breakdown == "");
        Figure(sheet, "detention-cost-per-day", "all-detention", "2014-Q2").Value.ShouldBe(98.7m);
        Figure(sheet, "detention-cost-per-day", "all-detention", "2014-Q4").Value.ShouldBe(96.16m);
    }

    [Fact]
    public void PregnantWomen_ReadsYearAndQuarterColumnsAsQuarters()
    {
        var sheet = Map("home-office-pregnant-women", "detention_pregnant_women.csv");

        sheet.Figures.Count.ShouldBe(12);
        sheet.Figures[0].Period.Key.ShouldBe("2016-Q3");
        sheet.Figures[^1].Period.Key.ShouldBe("2019-Q2");
        Figure(sheet, "pregnant-women-detained", "all-detention", "2017-Q3").Value.ShouldBe(20m);
        Figure(sheet, "pregnant-women-detained", "all-detention", "2017-Q3").Location.ShouldBe("row 6, column D");
    }

    [Fact]
    public void PeopleEntering_AddsUpRowsByFirstPlaceAndQuarter()
    {
        var sheet = Map("home-office-det-d01", "people_entering_detention.csv");

        sheet.RowsRead.ShouldBe(18, "the rows below the headings");
        sheet.Figures.Count.ShouldBe(10);
        sheet.Figures.ShouldAllBe(f => f.Measure == "people-entering-detention" && f.Breakdown == "");
        var colnbrook = Figure(sheet, "people-entering-detention", "colnbrook-sthf", "2010-Q1");
        colnbrook.Value.ShouldBe(92m);
        colnbrook.Location.ShouldBe("column I (Entering): sum of 2 rows from row 7 to row 15");
        Figure(sheet, "people-entering-detention", "yarls-wood", "2010-Q1").Value.ShouldBe(12m);
        Figure(sheet, "people-entering-detention", "tinsley-house", "2010-Q1").Value.ShouldBe(4m);
        Figure(sheet, "people-entering-detention", "campsfield-house", "2010-Q1").Value.ShouldBe(51m);
        Figure(sheet, "people-entering-detention", "tinsley-house", "2010-Q2").Value.ShouldBe(3m);
        var pennine = Figure(sheet, "people-entering-detention", "pennine-house-sthf", "2010-Q1");
        pennine.Value.ShouldBe(1m);
        pennine.Location.ShouldBe("row 10, column I");
    }

    [Fact]
    public void PeopleInDetention_AddsUpRowsByCurrentPlaceAndQuarter()
    {
        var sheet = Map("home-office-det-d02", "people_in_detention.csv");

        sheet.Figures.Count.ShouldBe(5);
        Figure(sheet, "people-in-detention", "brook-house", "2010-Q1").Value.ShouldBe(15m);
        Figure(sheet, "people-in-detention", "campsfield-house", "2010-Q1").Value.ShouldBe(13m);
        Figure(sheet, "people-in-detention", "colnbrook", "2010-Q1").Value.ShouldBe(5m);
        Figure(sheet, "people-in-detention", "brook-house", "2010-Q2").Value.ShouldBe(3m);
        Figure(sheet, "people-in-detention", "harmondsworth", "2010-Q2").Value.ShouldBe(1m);
    }

    [Fact]
    public void PeopleLeaving_AddsUpRowsByReason()
    {
        var sheet = Map("home-office-det-d03", "people_leaving_detention.csv");

        sheet.Figures.Select(f => (f.Period.Key, f.Breakdown, f.Value)).ShouldBe(
        [
            ("2010-Q1", "reason=bailed-sos", 35m),
            ("2010-Q1", "reason=bailed-ij", 1m),
            ("2010-Q1", "reason=other", 3m),
            ("2010-Q1", "reason=returned", 1m),
            ("2010-Q2", "reason=bailed-sos", 3m),
        ], ignoreOrder: true);
        sheet.Figures.ShouldAllBe(f => f.Measure == "people-leaving-detention" && f.Place == "all-detention" && f.Status == ObservationStatus.Exact);
    }

    [Fact]
    public void PeopleLeavingDetailed_KeepsEveryRowWithAllItsBreakdowns()
    {
        var sheet = Map("home-office-det-d03-detailed", "people_leaving_detention.csv");

        sheet.Figures.Count.ShouldBe(20);
        sheet.Figures.Sum(f => f.Value).ShouldBe(43m);
        var quoted = Figure(sheet, "people-leaving-detention", "all-detention", "2010-Q1",
            "age=30-to-49;length=a-3-days-or-less;nationality=bahamas-the;reason=returned;region=america-central-and-south;sex=male");
        quoted.Value.ShouldBe(1m);
        quoted.Location.ShouldBe("row 17, column J");
        Figure(sheet, "people-leaving-detention", "all-detention", "2010-Q1",
            "age=17-and-under;length=a-3-days-or-less;nationality=afghanistan;reason=bailed-sos;region=asia-central;sex=male").Value.ShouldBe(13m);
    }

    [Fact]
    public void EveryFixture_HasAShippedTemplateThatMapsIt()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Statistics", "Importing", "Fixtures", "home-office");
        var mapped = new[]
        {
            "detention_summary_flow.csv", "children_entering_detention.csv", "detentions_deaths_and_absconds.csv", "detention_cost_per_day.csv",
            "detention_pregnant_women.csv", "people_entering_detention.csv", "people_in_detention.csv", "people_leaving_detention.csv",
        };

        Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).ShouldBe(mapped, ignoreOrder: true);
    }
}
