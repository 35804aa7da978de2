using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Tests.Http;

/// <summary>
/// A correction of the demonstration release with fourteen years of quarterly detention figures, published while
/// the portal runs, on a database of its own (it becomes the latest release): comparing releases, paging long
/// tables, and a source file whose name needs quoting.
/// </summary>
public abstract class LargeReleaseHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    public const string Slug = "2024-with-history";

    /// <summary>A file name with quotes and a non-ASCII letter, as a received file may have.</summary>
    public const string TablesFileName = "Détention \"tables\" Q4.csv";

    private static readonly string[] QuarterlyMeasures = ["people-entering-detention", "people-in-detention", "people-leaving-detention"];

    private static readonly string[] QuarterlyPlaces = ["brook-house", "colnbrook", "harmondsworth"];

    private static readonly byte[] TablesContent = Encoding.UTF8.GetBytes("measure,place,period,value\nsynthetic,brook-house,2010-Q1,100\n");

    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Quarters 2010-Q1 to 2023-Q4.</summary>
    private static IEnumerable<Period> Quarters() =>
        Enumerable.Range(2010, 14).SelectMany(year => Enumerable.Range(1, 4).Select(quarter => Period.Quarter(year, quarter)));

    /// <summary>
    /// Publishes, once per database: the 2024 figures less Rule 42 (removed), Brook House use of force 715 to 716
    /// (changed), Colnbrook's from a new document with the same value (unchanged), and 560 quarterly figures (added).
    /// </summary>
    private async Task EnsurePublishedAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        if (await db.Releases.AnyAsync(r => r.Slug == Slug, Cancel))
        {
            return;
        }
        var original = await db.Releases.SingleAsync(r => r.Slug == "2024", Cancel);
        var release = new Release
        {
            Slug = Slug,
            Title = "Immigration detention statistics: 2024, with quarterly figures from 2010",
            Summary = "Synthetic test release.",
            SupersedesId = original.Id,
            Changelog = "Adds quarterly detention figures; corrects use of force at Brook House; withdraws the Rule 42 figure.",
        };
        var tables = new SourceDocument
        {
            Title = "Synthetic detention tables",
            Authority = "Home Office",
            Reference = "Synthetic DET_D02",
            FileName = TablesFileName,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(TablesContent)),
            SizeBytes = TablesContent.Length,
        };
        db.SourceFiles.Add(new SourceFile { SourceDocument = tables, Content = TablesContent });
        var measures = await db.Measures.ToDictionaryAsync(m => m.Slug, Cancel);
        var places = await db.Places.ToDictionaryAsync(p => p.Slug, Cancel);

        foreach (var figure in await db.Observations.AsNoTracking().Where(o => o.ReleaseId == original.Id).Include(o => o.Measure).Include(o => o.Place).ToListAsync(Cancel))
        {
            if (figure.Measure!.Slug == MeasureSlugs.Rule42People)
            {
                continue;
            }
            var isUseOfForce = figure.Measure.Slug == MeasureSlugs.UseOfForceIncidents;
            Add(measures[figure.Measure.Slug], places[figure.Place!.Slug], figure.Period, "",
                isUseOfForce && figure.Place!.Slug == "brook-house" ? 716 : figure.Value, figure.Status, figure.Note,
                isUseOfForce && figure.Place!.Slug == "colnbrook" ? null : figure.SourceDocumentId, figure.SourceLocation);
        }
        var row = 0;
        foreach (var measure in QuarterlyMeasures)
        {
            foreach (var place in QuarterlyPlaces)
            {
                foreach (var (quarter, index) in Quarters().Select((q, i) => (q, i)))
                {
                    Add(measures[measure], places[place], quarter, "", 100 + index, ObservationStatus.Exact, null, null, $"row {++row}");
                }
            }
        }
        foreach (var (quarter, index) in Quarters().Select((q, i) => (q, i)))
        {
            Add(measures["people-leaving-detention"], places["brook-house"], quarter, "reason-for-leaving=returned", 40 + index, ObservationStatus.Exact, null, null, $"row {++row}");
        }
        await db.SaveChangesAsync(Cancel);
        await scope.ServiceProvider.GetRequiredService<ReleasePublisher>().PublishAsync(Slug, Cancel);

        void Add(Measure measure, Place place, Period period, string breakdown, decimal? value, ObservationStatus status, string? note, int? sourceId, string location)
        {
            var observation = new Observation
            {
                Release = release,
                Measure = measure,
                Place = place,
                PeriodKey = "",
                Breakdown = breakdown,
                Value = value,
                Status = status,
                Note = note,
                SourceLocation = location,
            };
            if (sourceId is { } id)
            {
                observation.SourceDocumentId = id;
            }
            else
            {
                observation.SourceDocument = tables;
            }
            observation.SetPeriod(period);
            db.Observations.Add(observation);
        }
    }

    private async Task<IHtmlDocument> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await EnsurePublishedAsync();
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(expected, $"GET {path} on {factory.Provider}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
    }

    private static Dictionary<string, string> Summary(IHtmlDocument page) =>
        page.QuerySelectorAll("dl.summary-list div").ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());

    private static List<string[]> Rows(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"table.{table} tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task ComparePage_ReleaseAndItsCorrection_CountsEveryKindOfChange()
    {
        var page = await PageAsync($"/statistics/releases/2024/compare/{Slug}");

        var summary = Summary(page);
        (summary["Added"], summary["Changed"], summary["Removed"], summary["Unchanged"]).ShouldBe(("560", "1", "1", "13"));
        summary["From"].ShouldStartWith("Immigration detention statistics: 2024");
        page.QuerySelector("table.changes caption")!.TextContent.ShouldBe("Figures that differ (changes 1 to 500 of 562)");
        var rows = Rows(page, "changes");
        rows.Count.ShouldBe(500);
        rows.ShouldContain(r => r[0] == "Use of force incidents" && r[1] == "Brook House IRC" && r[4] == "715" && r[5] == "716" && r[6] == "changed");
        rows.Where(r => r[6] == "removed").Select(r => (r[0], r[4], r[5])).ShouldBe([("People placed in temporary confinement (rule 42)", "at least 25", "none")]);
        rows.ShouldNotContain(r => r[1] == "Colnbrook IRC" && r[0] == "Use of force incidents", "a new source with the same value is not a change");
    }

    [Fact]
    public async Task ComparePage_MoreThan500Changes_IsPagedWithLinks()
    {
        var first = await PageAsync($"/statistics/releases/2024/compare/{Slug}");
        var second = await PageAsync($"/statistics/releases/2024/compare/{Slug}?page=2");

        Rows(second, "changes").Count.ShouldBe(62);
        Rows(second, "changes").ShouldAllBe(r => r[6] == "added");
        first.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href").ShouldBe($"/statistics/releases/2024/compare/{Slug}?page=2#changes");
        second.QuerySelector("nav.pagination a[rel=prev]")!.GetAttribute("href").ShouldBe($"/statistics/releases/2024/compare/{Slug}#changes");
        second.QuerySelector("nav.pagination a[aria-current=page]")!.TextContent.ShouldBe("2");
        second.QuerySelector("nav.pagination")!.TextContent.ShouldContain("Page 2 of 2");
        await PageAsync($"/statistics/releases/2024/compare/{Slug}?page=3", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ComparePage_Reversed_CountsAddedAsRemoved()
    {
        var summary = Summary(await PageAsync($"/statistics/releases/{Slug}/compare/2024"));

        (summary["Added"], summary["Changed"], summary["Removed"], summary["Unchanged"]).ShouldBe(("1", "1", "560", "13"));
    }

    [Fact]
    public async Task ComparePage_ADraftOrUnknownRelease_Is404NamingNeither()
    {
        await EnsurePublishedAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            if (!await db.Releases.AnyAsync(r => r.Slug == "secret-draft", Cancel))
            {
                db.Releases.Add(new Release { Slug = "secret-draft", Title = "Unpublished draft title", Summary = "Not yet published." });
                await db.SaveChangesAsync(Cancel);
            }
        }
        foreach (var path in new[] { "/statistics/releases/2024/compare/secret-draft", "/statistics/releases/secret-draft/compare/2024", "/statistics/releases/2024/compare/1999", "/statistics/releases/2024/compare?with=secret-draft" })
        {
            var response = await client.GetAsync(path, Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            body.ShouldNotContain("Unpublished draft title");
            body.ShouldNotContain("secret-draft", customMessage: path);
        }
    }

    [Theory]
    [InlineData("/statistics/releases/2024/compare?with=" + Slug)]
    [InlineData("/statistics/releases/" + Slug + "/compare?with=2024")]
    public async Task CompareForm_EitherWayRound_RedirectsToEarlierReleaseFirst(string path)
    {
        await EnsurePublishedAsync();
        var response = await client.GetAsync(path, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/statistics/releases/2024/compare/{Slug}");
    }

    [Fact]
    public async Task ReleasePage_Correction_ShowsChangelogWhatItCorrectsAndALabelledCompareForm()
    {
        var page = await PageAsync($"/statistics/releases/{Slug}");

        var summary = Summary(page);
        summary["What changed"].ShouldStartWith("Compared with release '2024': 560 figures added, 1 changed, 1 removed.");
        summary["What changed"].ShouldContain("Adds quarterly detention figures");
        summary["Corrects"].ShouldStartWith("Immigration detention statistics: 2024");
        page.QuerySelectorAll("dl.summary-list a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/statistics/releases/2024", $"/statistics/releases/2024/compare/{Slug}"]);
        var form = page.QuerySelector("form.compare-form").ShouldNotBeNull();
        form.GetAttribute("method").ShouldBe("get");
        form.GetAttribute("action").ShouldBe($"/statistics/releases/{Slug}/compare");
        var select = form.QuerySelector("select").ShouldNotBeNull();
        page.QuerySelector($"label[for='{select.Id}']")!.TextContent.ShouldBe("Earlier release");
        select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ShouldBe(["2024"]);

        // The first release has nothing earlier: no form, and its (immutable) page never lists later releases.
        (await PageAsync("/statistics/releases/2024")).QuerySelector("form.compare-form").ShouldBeNull();
    }

    [Fact]
    public async Task ReleasePage_MoreFiguresThanAPage_ShowsEachPageOnceWithPaginationLinks()
    {
        var first = await PageAsync($"/statistics/releases/{Slug}");
        var second = await PageAsync($"/statistics/releases/{Slug}?page=2");
        var third = await PageAsync($"/statistics/releases/{Slug}?page=3");

        Summary(first)["Figures"].ShouldBe("574");
        first.QuerySelector("table.figures caption")!.TextContent.ShouldBe($"Every figure in release {Slug} (figures 1 to 200 of 574)");
        second.QuerySelector("table.figures caption")!.TextContent.ShouldBe($"Every figure in release {Slug} (figures 201 to 400 of 574)");
        var pages = new[] { first, second, third }.Select(p => Rows(p, "figures").Select(r => string.Join("|", r.Take(4))).ToList()).ToList();
        pages.Select(p => p.Count).ShouldBe([200, 200, 174]);
        pages.SelectMany(p => p).Distinct().Count().ShouldBe(574, "every figure appears on exactly one page (and each page is cached apart)");

        var navigation = second.QuerySelector("nav.pagination").ShouldNotBeNull();
        navigation.GetAttribute("aria-label").ShouldBe("Pages of figures");
        navigation.QuerySelector(".pagination__summary")!.TextContent.ShouldBe("Page 2 of 3");
        navigation.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe($"/statistics/releases/{Slug}#figures");
        navigation.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe($"/statistics/releases/{Slug}?page=3#figures");
        navigation.QuerySelector("a[aria-current=page]")!.TextContent.ShouldBe("2");
        first.QuerySelector("nav.pagination a[rel=prev]").ShouldBeNull();
        third.QuerySelector("nav.pagination a[rel=next]").ShouldBeNull();
        (await PageAsync("/statistics/releases/2024")).QuerySelector("nav.pagination").ShouldBeNull("a release that fits on one page has no page links");
    }

    [Theory]
    [InlineData("?page=4")]
    [InlineData("?page=0")]
    [InlineData("?page=-1")]
    [InlineData("?page=two")]
    [InlineData("?page=1&page=2")]
    public async Task FiguresPages_PageThatDoesNotExist_Is404(string query)
    {
        await PageAsync($"/statistics/releases/{Slug}{query}", HttpStatusCode.NotFound);
        await PageAsync($"/statistics/detention{query}", HttpStatusCode.NotFound);
        await PageAsync($"/statistics/places/brook-house{query.Replace("4", "3", StringComparison.Ordinal)}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThemePage_SecondPage_KeepsTheChartAndTheChangeOnAPreviousPeriodFromPageOne()
    {
        var first = await PageAsync("/statistics/detention");
        var second = await PageAsync("/statistics/detention?page=2");

        second.QuerySelector("table.figures caption")!.TextContent.ShouldBe("People in detention: every figure in the release (figures 201 to 400 of 561)");
        second.QuerySelector("figure.chart svg").ShouldNotBeNull();
        second.QuerySelector("figure.chart figcaption")!.TextContent.ShouldBe(first.QuerySelector("figure.chart figcaption")!.TextContent);
        var firstOfPageTwo = Rows(second, "figures")[0];
        var lastOfPageOne = Rows(first, "figures")[^1];
        (firstOfPageTwo[0], firstOfPageTwo[1]).ShouldBe((lastOfPageOne[0], lastOfPageOne[1]), "the series runs across the page break");
        firstOfPageTwo[4].ShouldBe($"up 1 (0.8%) on {lastOfPageOne[2]}");
        second.QuerySelector("nav.pagination .pagination__summary")!.TextContent.ShouldBe("Page 2 of 3");
    }

    [Fact]
    public async Task PlacePage_SecondPage_ShowsTheRestWithTheChart()
    {
        var second = await PageAsync("/statistics/places/brook-house?page=2");

        Rows(second, "figures").Count.ShouldBe(25);
        second.QuerySelector("figure.chart svg").ShouldNotBeNull();
        second.QuerySelector("nav.pagination a[rel=prev]")!.GetAttribute("href").ShouldBe("/statistics/places/brook-house#figures");
    }

    [Theory]
    [InlineData("/statistics/releases/" + Slug + ".csv", 574)]
    [InlineData("/statistics/detention.csv", 561)]
    [InlineData("/statistics/places/brook-house.csv", 225)]
    public async Task Downloads_OfPagedPages_HoldEveryFigure(string path, int figures)
    {
        await EnsurePublishedAsync();
        var csv = await client.GetStringAsync(path, Cancel);

        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(figures + 1);
    }

    [Fact]
    public async Task SourceFile_NameWithQuotesAndAccents_IsSafelyNamedInBothFilenameForms()
    {
        await EnsurePublishedAsync();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(TablesContent));
        var response = await client.GetAsync($"/statistics/sources/{sha256}/file", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(TablesContent);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe(TablesFileName);
        response.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''D%C3%A9tention");

        var page = await PageAsync($"/statistics/sources/{sha256}");
        Summary(page)["File name"].ShouldBe(TablesFileName);
        page.QuerySelectorAll("#releases-heading ~ ul a").Select(a => a.GetAttribute("href")).ShouldBe([$"/statistics/releases/{Slug}"]);
    }
}

public sealed class SqliteLargeReleaseHttpTests(OwnSqlitePortalFactory factory) : LargeReleaseHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresLargeReleaseHttpTests(OwnPostgresPortalFactory factory) : LargeReleaseHttpTests<OwnPostgresPortalFactory>(factory);
