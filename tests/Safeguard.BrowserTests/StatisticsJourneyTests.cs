using Microsoft.Playwright;
using Safeguard.Tests.Shared;
using Sylvan.Data.Csv;

namespace Safeguard.BrowserTests;

/// <summary>What a reader does on the portal, in a real Chromium against the real server.</summary>
public sealed class StatisticsJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Statistics_ReaderFollowsThemeAndDownloadsCsv_SeesHeadlinesFigureAndRow()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/statistics");

        var headlines = await page.Locator("ul.headlines > li").AllInnerTextsAsync();
        headlines.ShouldBe(SeedTopLine.Headlines2024);

        await page.GetByRole(AriaRole.Link, new() { Name = "Use of force", Exact = true }).ClickAsync();
        await page.WaitForPageAsync("**/statistics/use-of-force");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Use of force");
        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Use of force: every figure in the release" });
        (await FigureFor(figures, "Brook House IRC")).ShouldBe("715");

        // The footer also links this page's own CSV; the release download is the one in its section.
        var downloads = page.GetByRole(AriaRole.Region, new() { Name = "Download the release" });
        var download = await page.RunAndWaitForDownloadAsync(
            () => downloads.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        var path = await download.PathAsync();

        using var reader = new StreamReader(path);
        await using var csv = await CsvDataReader.CreateAsync(reader, cancel: TestContext.Current.CancellationToken);
        var columns = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        columns.ShouldContain("measure");
        columns.ShouldContain("place");
        columns.ShouldContain("value");
        columns.ShouldContain("status");
        columns.ShouldContain("source_location");
        var rows = new List<(string Measure, string Place, string Value, string Status, string SourceLocation)>();
        while (await csv.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((csv.GetString(csv.GetOrdinal("measure")), csv.GetString(csv.GetOrdinal("place")), csv.GetString(csv.GetOrdinal("value")),
                csv.GetString(csv.GetOrdinal("status")), csv.GetString(csv.GetOrdinal("source_location"))));
        }
        var brookHouse = rows.Where(row => row.Measure == "use-of-force-incidents" && row.Place == "brook-house").ShouldHaveSingleItem();
        brookHouse.Value.ShouldBe("715");
        brookHouse.Status.ShouldBe("exact");
        brookHouse.SourceLocation.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Statistics_GapChart_IsNamedImageFollowedByTableOfTheSameFigures()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/statistics");

        var chart = page.Locator("figure.chart").First;
        var svg = chart.Locator("svg");
        (await svg.GetAttributeAsync("role")).ShouldBe("img");
        await Assertions.Expect(svg).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("ACDTs opened"));

        // The table must come after the drawing, so a screen reader meets the picture's name and then its numbers.
        var table = chart.Locator("svg ~ table");
        await Assertions.Expect(table).ToHaveCountAsync(1);
        var tableRows = await table.Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [row.cells[0].textContent.trim(), row.cells[1].textContent.trim()])");
        var drawnRows = await svg.Locator(".sg-chart__row").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => [row.querySelector('.sg-chart__label').textContent.trim(), row.querySelector('.sg-chart__value').textContent.trim()])");

        tableRows.Select(row => (row[0], row[1])).ShouldBe(
        [
            ("ACDTs opened", "1,292"),
            ("Constant supervision ACDTs", "419"),
            ("Rule 35(1) reports", "74"),
            ("Rule 35(2) reports", "35"),
        ]);
        drawnRows.Select(row => (row[0], row[1])).ShouldBe(tableRows.Select(row => (row[0], row[1])));
    }

    [Fact]
    public async Task Figure_ReaderFollowsItsSource_DownloadsTheOriginalFileWithTheStatedHash()
    {
        await using var context = await fixture.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/statistics/use-of-force");

        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Use of force: every figure in the release" });
        await figures.Locator("tbody tr").Filter(new() { HasText = "Brook House IRC" }).Locator("td.source a").ClickAsync();
        await page.WaitForPageAsync($"**{DemonstrationSource.PagePath}");
        var stated = await page.Locator("dt:text-is('SHA-256') + dd").InnerTextAsync();
        stated.Trim().ShouldBe(DemonstrationSource.Sha256);

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "Download the original file" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("seed-2024-top-line.txt");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(DemonstrationSource.Sha256);
    }

    [Fact]
    public async Task LongRelease_ReaderPressesNext_SeesTheNextFiguresAndWhereTheyAre()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/statistics/releases/{EarlierRelease.Slug}");

        var pagination = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of figures" });
        await Assertions.Expect(pagination).ToContainTextAsync("Page 1 of 2");
        await pagination.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();

        await page.WaitForPageAsync($"**/statistics/releases/{EarlierRelease.Slug}?page=2#figures");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = $"Every figure in release {EarlierRelease.Slug} (figures 201 to 250 of 250)" })).ToBeVisibleAsync();
        await Assertions.Expect(pagination.GetByRole(AriaRole.Link, new() { Name = "Page 2" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Statistics_KeyboardUserPressesTab_ReachesSkipLinkFirstAndItMovesFocusToMain()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/statistics");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        page.Url.ShouldEndWith("#main");

        // The next Tab continues inside the main content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)")).ShouldBeTrue();
    }

    private static async Task<string> FigureFor(ILocator table, string place)
    {
        var headers = (await table.Locator("thead th").AllInnerTextsAsync()).ToList();
        var placeColumn = headers.IndexOf("Place");
        var figureColumn = headers.IndexOf("Figure");
        placeColumn.ShouldBeGreaterThanOrEqualTo(0);
        figureColumn.ShouldBeGreaterThanOrEqualTo(0);
        var rows = await table.Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(row => Array.from(row.cells, cell => cell.innerText.trim()))");
        return rows.Where(row => row[placeColumn] == place).ShouldHaveSingleItem()[figureColumn];
    }
}
