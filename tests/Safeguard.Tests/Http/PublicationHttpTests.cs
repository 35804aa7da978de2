using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Tests.Http;

/// <summary>Publishing a new release while the portal runs, on a database of its own (it changes the latest release).</summary>
public abstract class PublicationHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private readonly HttpClient client = factory.CreateClient();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<string[]>> UseOfForceRowsAsync()
    {
        var html = await client.GetStringAsync("/statistics/use-of-force", Cancel);
        return [.. new HtmlParser().ParseDocument(html).QuerySelectorAll("table.figures tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];
    }

    [Fact]
    public async Task PublishingANewRelease_ShowsAtOnceWithChangeOnThePreviousPeriod()
    {
        // Fill the output cache with the page as it is before publication.
        (await UseOfForceRowsAsync()).Count.ShouldBe(7);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            // Started, as every draft is, from the latest published release.
            var latest = await db.Releases.SingleAsync(r => r.Slug == "2024", Cancel);
            var release = new Release { Slug = "2024-revised", Title = "Immigration detention statistics: 2024, with 2023", Summary = "Synthetic test release.", SupersedesId = latest.Id };
            var measure = await db.Measures.SingleAsync(m => m.Slug == MeasureSlugs.UseOfForceIncidents, Cancel);
            var place = await db.Places.SingleAsync(p => p.Slug == "brook-house", Cancel);
            var source = await db.SourceDocuments.FirstAsync(Cancel);
            foreach (var (period, value) in new[] { (Period.Year(2023), 600m), (Period.Year(2024), 715m) })
            {
                var observation = new Observation
                {
                    Release = release,
                    Measure = measure,
                    Place = place,
                    PeriodKey = "",
                    Value = value,
                    Status = ObservationStatus.Exact,
                    SourceDocument = source,
                    SourceLocation = $"test row {period.Key}",
                };
                observation.SetPeriod(period);
                db.Observations.Add(observation);
            }
            var selfHarm = new Observation
            {
                Release = release,
                Measure = await db.Measures.SingleAsync(m => m.Slug == "self-harm-incidents", Cancel),
                Place = place,
                PeriodKey = "",
                Value = 12,
                Status = ObservationStatus.Exact,
                SourceDocument = source,
                SourceLocation = "test row self-harm",
            };
            selfHarm.SetPeriod(Period.Year(2024));
            db.Observations.Add(selfHarm);
            await db.SaveChangesAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync("2024-revised", Cancel);
        }

        var rows = await UseOfForceRowsAsync();
        rows.Select(r => (r[2], r[3], r[4])).ShouldBe([("2023", "600", ""), ("2024", "715", "up 115 (19.2%) on 2023")]);
        (await client.GetAsync("/statistics/releases/2024", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "every release stays reachable");

        // The home page's data twin holds the figures its headlines are written from; the release download holds all.
        var home = await client.GetStringAsync("/statistics.csv", Cancel);
        home.ShouldContain("use-of-force-incidents");
        home.ShouldNotContain("self-harm-incidents");
        (await client.GetStringAsync("/statistics/releases/2024-revised.csv", Cancel)).ShouldContain("self-harm-incidents");
        (await client.GetStringAsync("/statistics", Cancel)).ShouldContain("There were 715 use of force incidents at Brook House IRC.");
    }
}

public sealed class SqlitePublicationHttpTests(OwnSqlitePortalFactory factory) : PublicationHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresPublicationHttpTests(OwnPostgresPortalFactory factory) : PublicationHttpTests<OwnPostgresPortalFactory>(factory);
