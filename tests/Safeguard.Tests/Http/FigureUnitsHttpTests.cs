using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;
using Sylvan.Data.Csv;

namespace Safeguard.Tests.Http;

/// <summary>
/// The Home Office's average cost of detention per person per day, in pounds, imported with the shipped template and
/// published on a database of its own: every place it is shown reads it as money to the penny, as the source gives it.
/// </summary>
public abstract class FigureUnitsHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Slug = "cost-per-day";

    private const string Measure = "detention-cost-per-day";

    /// <summary>Quarters in the shape of detention_cost_per_day.csv, with pence as the Home Office gives them.</summary>
    private static readonly byte[] CostTable = Encoding.UTF8.GetBytes(
        "Date,Year,Quarter,Cost\n2019-12-31,2019,4,96.16\n2020-03-31,2020,1,101.61\n2020-06-30,2020,2,104.99\n2020-09-30,2020,3,102\n");

    /// <summary>What each quarter should read as, wherever it is shown.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["2019-Q4"] = "£96.16",
        ["2020-Q1"] = "£101.61",
        ["2020-Q2"] = "£104.99",
        ["2020-Q3"] = "£102.00",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpClient> PublishedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<StatisticsDbContext>().Releases.AnyAsync(r => r.Slug == Slug, Cancel))
        {
            await scope.ServiceProvider.GetRequiredService<StatisticsImporter>().CommitAsync(
                new ImportRequest("detention_cost_per_day.csv", CostTable, "home-office-cost-per-day", Slug, new SourceDetails()), null, Cancel);
            await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync(Slug, Cancel);
        }
        return factory.CreateClient();
    }

    [Fact]
    public async Task ThemePage_CostPerDay_ReadsInPoundsAndPenceWithItsChangeInPounds()
    {
        using var client = await PublishedAsync();
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/statistics/detention", Cancel), Cancel);
        var rows = page.QuerySelectorAll("table.figures tbody tr")
            .Where(tr => tr.TextContent.Contains("Average cost of detention per person per day", StringComparison.Ordinal))
            .ToDictionary(tr => tr.QuerySelectorAll("td")[2].TextContent.Trim(), tr => (Figure: tr.QuerySelectorAll("td")[3].TextContent.Trim(), Change: tr.QuerySelector("td.change")!.TextContent.Trim()));

        rows.ToDictionary(r => r.Key, r => r.Value.Figure).ShouldBe(Expected.ToDictionary(e => Label(e.Key), e => e.Value), ignoreOrder: true);
        rows[Label("2020-Q1")].Change.ShouldBe("up £5.45 (5.7%) on October to December 2019");
        rows[Label("2020-Q3")].Change.ShouldBe("down £2.99 (2.8%) on April to June 2020");
    }

    [Fact]
    public async Task ReleaseCsv_CostPerDay_DisplayAgreesWithItsValue()
    {
        using var client = await PublishedAsync();
        using var csv = CsvDataReader.Create(new StringReader(await client.GetStringAsync($"/statistics/releases/{Slug}.csv", Cancel)));
        var costs = new Dictionary<string, (string Value, string Display)>();
        while (await csv.ReadAsync(Cancel))
        {
            if (csv.GetString(csv.GetOrdinal("measure")) == Measure)
            {
                costs[csv.GetString(csv.GetOrdinal("period"))] = (csv.GetString(csv.GetOrdinal("value")), csv.GetString(csv.GetOrdinal("display")));
            }
        }

        costs.ToDictionary(c => c.Key, c => c.Value.Display).ShouldBe(Expected, ignoreOrder: true);
        costs["2020-Q1"].Value.ShouldBe("101.61");
        costs["2020-Q2"].Value.ShouldBe("104.99");
    }

    [Fact]
    public async Task Api_CostPerDay_DisplayIsMoney()
    {
        using var client = await PublishedAsync();
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/observations?release={Slug}&measure={Measure}", Cancel));

        document.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("period").GetString()!, i => i.GetProperty("display").GetString()!)
            .ShouldBe(Expected, ignoreOrder: true);
    }

    [Fact]
    public async Task ReleaseJson_CostPerDay_DisplayIsMoney()
    {
        using var client = await PublishedAsync();
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/statistics/releases/{Slug}.json", Cancel));

        document.RootElement.GetProperty("observations").EnumerateArray()
            .Where(o => o.GetProperty("measure").GetString() == Measure)
            .ToDictionary(o => o.GetProperty("period").GetString()!, o => o.GetProperty("display").GetString()!)
            .ShouldBe(Expected, ignoreOrder: true);
    }

    private static string Label(string period) => Period.FromKey(period).Label;
}

public sealed class SqliteFigureUnitsHttpTests(OwnSqlitePortalFactory factory) : FigureUnitsHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresFigureUnitsHttpTests(OwnPostgresPortalFactory factory) : FigureUnitsHttpTests<OwnPostgresPortalFactory>(factory);
