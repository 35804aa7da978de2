using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;
using Safeguard.Tests.Shared;
using Sylvan.Data.Csv;

namespace Safeguard.Tests.Http;

/// <summary>The public portal and API through the real pipeline, on each database engine.</summary>
public abstract class PortalHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(expected, $"GET {path} on {factory.Provider}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<JsonElement> JsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(expected, $"GET {path} on {factory.Provider}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
    }

    [Fact]
    public async Task Statistics_LatestRelease_ShowsEverySeedHeadlineGeneratedFromData()
    {
        var page = await PageAsync("/statistics");
        var headlines = page.QuerySelectorAll("ul.headlines li").Select(li => li.TextContent.Trim()).ToList();
        headlines.ShouldBe(SeedTopLine.Headlines2024);
    }

    [Fact]
    public async Task Statistics_GapChart_IsAnAccessibleSvgWithItsDataTable()
    {
        var page = await PageAsync("/statistics");
        var figure = page.QuerySelector("figure.chart").ShouldNotBeNull();
        var svg = figure.QuerySelector("svg").ShouldNotBeNull();
        svg.GetAttribute("role").ShouldBe("img");
        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        labelledBy.Select(id => page.GetElementById(id)).ShouldAllBe(e => e != null);
        var cells = figure.QuerySelectorAll("table tbody tr").Select(tr => (tr.QuerySelector("th")!.TextContent, tr.QuerySelector("td")!.TextContent)).ToList();
        cells.ShouldBe([("ACDTs opened", "1,292"), ("Constant supervision ACDTs", "419"), ("Rule 35(1) reports", "74"), ("Rule 35(2) reports", "35")]);
    }

    [Theory]
    [InlineData("rule-35", "Rule 35 reports")]
    [InlineData("self-harm-and-acdt", "Self-harm and ACDT")]
    [InlineData("segregation", "Segregation")]
    [InlineData("use-of-force", "Use of force")]
    [InlineData("detention", "People in detention")]
    public async Task ThemePage_KnownTheme_ShowsTitleChartAndFigures(string theme, string title)
    {
        var page = await PageAsync($"/statistics/{theme}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        page.QuerySelector("figure.chart svg").ShouldNotBeNull();
        page.QuerySelectorAll("table.figures tbody tr").Length.ShouldBeGreaterThan(0);
        page.QuerySelector("section.cite")!.TextContent.ShouldContain("Medical Justice");
    }

    [Fact]
    public async Task ThemePage_UseOfForce_ListsEveryCentreWithItsSource()
    {
        var page = await PageAsync("/statistics/use-of-force");
        var rows = page.QuerySelectorAll("table.figures tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        rows.Select(r => (r[1], r[3])).ShouldBe(
        [
            ("Brook House IRC", "715"), ("Colnbrook IRC", "188"), ("Derwentside IRC", "43"), ("Dungavel IRC", "34"),
            ("Harmondsworth IRC", "156"), ("Tinsley House IRC", "76"), ("Yarl's Wood IRC", "151"),
        ]);
        rows.ShouldAllBe(r => r[5].Contains("line 7"));
    }

    [Fact]
    public async Task ThemePage_Segregation_ShowsLowerBoundsAsAtLeast()
    {
        var page = await PageAsync("/statistics/segregation");
        var figures = page.QuerySelectorAll("table.figures td.numeric").Select(td => td.TextContent.Trim()).ToList();
        figures.ShouldBe(["at least 1,340", "at least 25"]);
    }

    [Fact]
    public async Task PlacePage_BrookHouse_ShowsItsUseOfForceFigure()
    {
        var page = await PageAsync("/statistics/places/brook-house");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Brook House IRC");
        page.QuerySelector("table.figures td.numeric")!.TextContent.Trim().ShouldBe("715");
    }

    [Theory]
    [InlineData("/statistics/no-such-theme")]
    [InlineData("/statistics/places/nowhere")]
    [InlineData("/statistics/releases/1999")]
    [InlineData("/statistics/Use-Of-Force")]
    public async Task UnknownPage_IsA404PageForPeople(string path)
    {
        var page = await PageAsync(path, HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
    }

    [Theory]
    [InlineData("/statistics/no-such-theme.json")]
    [InlineData("/statistics/places/nowhere.csv")]
    [InlineData("/statistics/releases/1999.xlsx")]
    [InlineData("/api/v1/themes/no-such-theme")]
    [InlineData("/api/v1/places/nowhere")]
    [InlineData("/api/v1/releases/1999")]
    [InlineData("/api/v1/observations?measure=no-such-measure")]
    [InlineData("/api/v1/observations?release=1999")]
    public async Task UnknownResource_ForPrograms_IsAProblemDetails404(string path)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldStartWith("There is no");
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("from=2024-Q5", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2025&to=2024", "from")]
    [InlineData("measure=DROP%20TABLE", "measure")]
    [InlineData("colour=red", "colour")]
    [InlineData("page=1&page=2", "page")]
    [InlineData("period=2024-13", "period")]
    [InlineData("period=2024&from=2023", "period")]
    public async Task Observations_MalformedParameter_Is400NamingIt(string query, string parameter)
    {
        var problem = await JsonAsync($"/api/v1/observations?{query}", HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(parameter, out var messages).ShouldBeTrue();
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Observations_FilterByMeasureAndPlace_ReturnsThatFigureWithSource()
    {
        var result = await JsonAsync("/api/v1/observations?measure=use-of-force-incidents&place=brook-house&release=2024");
        result.GetProperty("totalItems").GetInt32().ShouldBe(1);
        var item = result.GetProperty("items")[0];
        item.GetProperty("value").GetDecimal().ShouldBe(715);
        item.GetProperty("status").GetString().ShouldBe("exact");
        item.GetProperty("sourceLocation").GetString().ShouldBe("line 7");
        item.GetProperty("sourceSha256").GetString()!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Observations_Paged_WalksEveryFigureOnceThroughNextLinks()
    {
        var seen = new List<string>();
        string? next = "/api/v1/observations?release=2024&pageSize=4";
        while (next is not null)
        {
            var page = await JsonAsync(next);
            page.GetProperty("totalItems").GetInt32().ShouldBe(15);
            page.GetProperty("totalPages").GetInt32().ShouldBe(4);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("measure")}/{i.GetProperty("place")}"));
            next = page.GetProperty("links").GetProperty("next").GetString();
        }
        seen.Count.ShouldBe(15);
        seen.Distinct().Count().ShouldBe(15);
    }

    [Fact]
    public async Task Observations_OfTheLatestRelease_LinkToTheirPagesOfThatRelease()
    {
        var page = await JsonAsync("/api/v1/observations?measure=use-of-force-incidents&pageSize=3&page=2");
        page.GetProperty("release").GetString().ShouldBe("2024");
        var links = page.GetProperty("links");
        links.GetProperty("self").GetString().ShouldBe("/api/v1/observations?release=2024&measure=use-of-force-incidents&page=2&pageSize=3");
        links.GetProperty("previous").GetString().ShouldBe("/api/v1/observations?release=2024&measure=use-of-force-incidents&page=1&pageSize=3");
        links.GetProperty("next").GetString().ShouldBe("/api/v1/observations?release=2024&measure=use-of-force-incidents&page=3&pageSize=3");
    }

    [Fact]
    public async Task Observations_ExactPeriod_ReturnsThatPeriodsFigures()
    {
        var result = await JsonAsync("/api/v1/observations?release=2024&period=2024");
        result.GetProperty("totalItems").GetInt32().ShouldBe(15);
        result.GetProperty("links").GetProperty("self").GetString()!.ShouldContain("period=2024");
    }

    [Fact]
    public async Task Observations_PeriodTheReleaseDoesNotCover_IsA404NamingThePeriodsItDoes()
    {
        var response = await client.GetAsync("/api/v1/observations?release=2024&period=2019-Q2", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Release '2024' has no figures for the period '2019-Q2'.");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("It covers: 2024.");
        problem.GetProperty("parameter").GetString().ShouldBe("period");
    }

    [Fact]
    public async Task Observations_PeriodRangeOutsideData_IsEmptyNotAnError()
    {
        var result = await JsonAsync("/api/v1/observations?from=2010&to=2012");
        result.GetProperty("totalItems").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Observations_LowerBound_KeepsItsStatusAndValue()
    {
        var result = await JsonAsync("/api/v1/observations?measure=rule40-people");
        var item = result.GetProperty("items")[0];
        item.GetProperty("value").GetDecimal().ShouldBe(1340);
        item.GetProperty("status").GetString().ShouldBe("at-least");
        item.GetProperty("display").GetString().ShouldBe("at least 1,340");
    }

    [Fact]
    public async Task Release_Versioned_IsImmutableCacheableAndAnswers304ToItsETag()
    {
        var first = await client.GetAsync("/api/v1/releases/2024", Cancel);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        first.Headers.CacheControl.ToString().ShouldContain("immutable");
        var etag = first.Headers.ETag.ShouldNotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/releases/2024");
        again.Headers.IfNoneMatch.Add(etag);
        (await client.SendAsync(again, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Latest_Views_AreCachedBriefly()
    {
        var response = await client.GetAsync("/statistics", Cancel);
        response.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromSeconds(60));
        response.Headers.ETag.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("/statistics")]
    [InlineData("/statistics/use-of-force")]
    [InlineData("/statistics/places/brook-house?page=1")]
    [InlineData("/statistics/use-of-force.csv")]
    [InlineData("/statistics.json")]
    [InlineData("/statistics/releases/2024")]
    [InlineData("/statistics/releases/2024.xlsx")]
    [InlineData("/api/v1/themes")]
    [InlineData("/api/v1/releases/2024")]
    public async Task UnknownParameter_IsServedFromTheCacheOfTheAddressWithoutIt(string path)
    {
        var clean = await client.GetAsync(path, Cancel);
        clean.StatusCode.ShouldBe(HttpStatusCode.OK);

        // A made-up parameter changes nothing the page reads, so it must not make the server build the page again.
        var bust = await client.GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}r={Guid.NewGuid():N}", Cancel);

        bust.StatusCode.ShouldBe(HttpStatusCode.OK);
        bust.Headers.Age.ShouldNotBeNull($"{path} with a made-up parameter was built again rather than served from the output cache");
        (await bust.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(await clean.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Observations_EachPageIsCachedApart_AndAnUnknownParameterIsStillRefused()
    {
        var first = await client.GetStringAsync("/api/v1/observations?release=2024&pageSize=4", Cancel);
        var second = await client.GetStringAsync("/api/v1/observations?release=2024&pageSize=4&page=2", Cancel);
        second.ShouldNotBe(first);
        (await client.GetAsync("/api/v1/observations?release=2024&pageSize=4&colour=red", Cancel)).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest, "the API refuses a parameter it does not know, cached answer or not");
    }

    [Fact]
    public async Task Api_CrossOriginRead_IsAllowedButNotWrites()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/themes");
        read.Headers.Add("Origin", "https://researcher.example");
        var response = await client.SendAsync(read, Cancel);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/themes");
        preflight.Headers.Add("Origin", "https://researcher.example");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var answer = await client.SendAsync(preflight, Cancel);
        answer.Headers.Contains("Access-Control-Allow-Methods").ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApi_DescribesEveryStatisticsEndpoint()
    {
        var document = await JsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/observations");
        paths.ShouldContain("/api/v1/releases/{release}");
        paths.ShouldContain("/api/v1/themes");
        paths.ShouldContain("/api/v1/measures");
        paths.ShouldContain("/api/v1/places");
        paths.ShouldContain("/statistics/sources/{sha256}/file");
        // HEAD is answered as GET but not described again: each operation's id names one operation, as code generators need.
        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        operations.Select(o => o.Name).Distinct().ShouldBe(["get"]);
        var ids = operations.Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        ids.ShouldBeUnique();
    }

    [Fact]
    public async Task HomeJson_CarriesHeadlinesAndTheGap()
    {
        var home = await JsonAsync("/statistics.json");
        home.GetProperty("headlines").GetArrayLength().ShouldBe(6);
        var gap = home.GetProperty("safeguardGap");
        gap.GetProperty("acdtsOpened").GetProperty("value").GetDecimal().ShouldBe(1292);
        gap.GetProperty("suicideRiskReports").GetProperty("value").GetDecimal().ShouldBe(109);
        gap.GetProperty("reportsPer100Acdts").GetProperty("value").GetDecimal().ShouldBe(8.44m);
        home.GetProperty("credit").GetString()!.ShouldContain("Medical Justice");
    }

    [Theory]
    [InlineData("/statistics", "Immigration detention statistics: 2024")]
    [InlineData("/statistics/use-of-force", "Use of force — Immigration detention statistics: 2024")]
    [InlineData("/statistics/places/brook-house", "Brook House IRC — Immigration detention statistics: 2024")]
    public async Task CiteThis_OnAPageOfTheLatestRelease_CitesTheReleasesOwnAddressWithThePageAndTheDayRead(string path, string title)
    {
        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var cited = $"{title} (release 2024). http://localhost/statistics/releases/2024 (read at http://localhost{path} on {today}).";

        (await PageAsync(path)).QuerySelector(".cite__credit")!.TextContent.ShouldContain(cited);
        (await JsonAsync($"{path}.json")).GetProperty("credit").GetString()!.ShouldContain(cited.Replace($"{path} on", $"{path}.json on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CiteThis_OnTheReleasesOwnPageAndDownload_WhichAreCachedForAYear_HasNoDayRead()
    {
        var page = await PageAsync("/statistics/releases/2024");
        var cite = page.QuerySelector("section.cite")!;
        cite.QuerySelector(".cite__credit")!.TextContent.ShouldEndWith(
            "Immigration detention statistics: 2024 (release 2024). http://localhost/statistics/releases/2024. "
            + "Source: Home Office figures obtained through Freedom of Information requests.");
        var (bibtex, ris) = (cite.QuerySelectorAll("pre")[0].TextContent, cite.QuerySelectorAll("pre")[1].TextContent);
        bibtex.ShouldContain("note = {Release 2024. Source:");
        ris.ShouldNotContain("Y2  -");
        ris.ShouldContain("UR  - http://localhost/statistics/releases/2024\r\n");
        (await JsonAsync("/statistics/releases/2024.json")).GetProperty("credit").GetString()
            .ShouldBe(cite.QuerySelector(".cite__credit")!.TextContent);
    }

    [Fact]
    public async Task ReleaseCsv_IsTidyWithStatusNoteAndSource()
    {
        var response = await client.GetAsync("/statistics/releases/2024.csv", Cancel);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull().ShouldContain("statistics-2024.csv");
        using var csv = CsvDataReader.Create(new StringReader(await response.Content.ReadAsStringAsync(Cancel)));
        var rows = new List<(string Measure, string Place, string Value, string Status, string Location)>();
        while (await csv.ReadAsync(Cancel))
        {
            rows.Add((csv.GetString(csv.GetOrdinal("measure")), csv.GetString(csv.GetOrdinal("place")), csv.GetString(csv.GetOrdinal("value")),
                csv.GetString(csv.GetOrdinal("status")), csv.GetString(csv.GetOrdinal("source_location"))));
        }
        rows.Count.ShouldBe(15);
        rows.ShouldContain(("rule42-people", "all-ircs", "25", "at-least", "line 9"));
        rows.ShouldContain(("people-detained", "all-detention", "20604", "exact", "line 13"));
    }

    [Fact]
    public async Task ReleaseXlsx_OpensWithEveryFigure()
    {
        var bytes = await client.GetByteArrayAsync("/statistics/releases/2024.xlsx", Cancel);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.ShouldBe(["observations", "about"]);
        var observations = (WorksheetPart)document.WorkbookPart.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!);
        observations.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count().ShouldBe(16);
    }

    [Fact]
    public async Task ReleaseJson_ContentHash_CanBeRecomputedFromTheDownload()
    {
        var release = await JsonAsync("/statistics/releases/2024.json");
        var rows = release.GetProperty("observations").EnumerateArray().Select(o =>
        {
            ObservationStatuses.TryParseCode(o.GetProperty("status").GetString(), out var status).ShouldBeTrue();
            return new ObservationRow("", "", o.GetProperty("measure").GetString()!, "", "", o.GetProperty("place").GetString()!, "", PlaceKind.Category,
                o.GetProperty("period").GetString()!, default, default, o.GetProperty("breakdown").GetString()!,
                o.GetProperty("value").ValueKind == JsonValueKind.Null ? null : o.GetProperty("value").GetDecimal(), status,
                o.GetProperty("note").GetString(), "", "", null, "", o.GetProperty("sourceSha256").GetString()!, o.GetProperty("sourceLocation").GetString()!);
        });
        ReleaseContentHash.Compute(rows).ShouldBe(release.GetProperty("release").GetProperty("contentHash").GetString());
        (await PageAsync("/statistics/releases/2024")).QuerySelector("code.hash")!.TextContent.ShouldBe(release.GetProperty("release").GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task PublishedRelease_ChangingAFigure_IsRefusedAndNothingChanges()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            var observation = await db.Observations.FirstAsync(o => o.Release!.Slug == "2024" && o.Measure!.Slug == MeasureSlugs.AcdtOpened, Cancel);
            observation.Value = 1;
            await Should.ThrowAsync<PublishedReleaseImmutableException>(() => db.SaveChangesAsync(Cancel));
        }
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            (await db.Observations.SingleAsync(o => o.Release!.Slug == "2024" && o.Measure!.Slug == MeasureSlugs.AcdtOpened, Cancel)).Value.ShouldBe(1292);
            var release = await db.Releases.SingleAsync(r => r.Slug == "2024", Cancel);
            release.Title = "Changed";
            await Should.ThrowAsync<PublishedReleaseImmutableException>(() => db.SaveChangesAsync(Cancel));
        }
    }

    [Fact]
    public void Migrations_CoverTheWholeModel()
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<StatisticsDbContext>().Database.HasPendingModelChanges()
            .ShouldBeFalse($"the {factory.Provider} migrations lag the model: run tools/add-migration.sh");
    }

    [Fact]
    public async Task DraftRelease_IsInvisibleToThePublic()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            if (!await db.Releases.AnyAsync(r => r.Slug == "draft-test", Cancel))
            {
                db.Releases.Add(new Release { Slug = "draft-test", Title = "Draft", Summary = "Not yet published." });
                await db.SaveChangesAsync(Cancel);
            }
        }
        (await client.GetAsync("/statistics/releases/draft-test", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/releases/draft-test", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/observations?release=draft-test", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await JsonAsync("/api/v1/releases")).EnumerateArray().Select(r => r.GetProperty("slug").GetString()).ShouldNotContain("draft-test");
    }

    private async Task<(SourceDocument Document, byte[] Content)> DemonstrationSourceAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        var file = await db.SourceFiles.AsNoTracking().Include(f => f.SourceDocument)
            .SingleAsync(f => f.SourceDocument!.FileName == "seed-2024-top-line.txt", Cancel);
        return (file.SourceDocument!, file.Content);
    }

    [Fact]
    public async Task SourcePage_DocumentAPublishedReleaseCites_ShowsItsDetailsDownloadAndReleases()
    {
        var (document, content) = await DemonstrationSourceAsync();
        var page = await PageAsync($"/statistics/sources/{document.Sha256}");

        page.QuerySelector("h1")!.TextContent.ShouldBe(document.Title);
        var details = page.QuerySelectorAll("dl.summary-list div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());
        details["From"].ShouldBe("Medical Justice");
        details["Reference"].ShouldBe(document.Reference);
        details["File name"].ShouldBe("seed-2024-top-line.txt");
        details["Size"].ShouldEndWith(content.Length < 1024 ? $"{content.Length} bytes" : "KB");
        details["SHA-256"].ShouldBe(document.Sha256);
        var download = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download the original file");
        download.GetAttribute("href").ShouldBe($"/statistics/sources/{document.Sha256}/file");
        page.QuerySelectorAll("#releases-heading ~ ul a").Select(a => a.GetAttribute("href")).ShouldBe(["/statistics/releases/2024"]);
    }

    [Fact]
    public async Task SourceFile_Download_IsTheStoredBytesAsAnAttachmentThatIsNeverSniffed()
    {
        var (document, content) = await DemonstrationSourceAsync();
        var response = await client.GetAsync($"/statistics/sources/{document.Sha256}/file", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(content);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("seed-2024-top-line.txt");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/statistics/sources/{document.Sha256}/file");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag.ShouldNotBeNull());
        (await client.SendAsync(again, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-hash")]
    [InlineData("abc123")]
    [InlineData("gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    [InlineData("%20")]
    [InlineData("%09")]
    [InlineData("%20%20%20")]
    public async Task SourcePage_UnknownOrMalformedSha256_Is404(string sha256)
    {
        (await PageAsync($"/statistics/sources/{sha256}", HttpStatusCode.NotFound)).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
        (await client.GetAsync($"/statistics/sources/{sha256}/file", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SourcePage_Sha256InUpperCaseOrTruncated_Is404()
    {
        var (document, _) = await DemonstrationSourceAsync();
        foreach (var address in new[] { document.Sha256.ToUpperInvariant(), document.Sha256[..63], document.Sha256 + "0" })
        {
            (await client.GetAsync($"/statistics/sources/{address}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
            (await client.GetAsync($"/statistics/sources/{address}/file", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, address);
        }
    }

    [Fact]
    public async Task SourcePage_DocumentOnlyADraftCites_Is404()
    {
        var bytes = "Synthetic draft source: 3 people, line 1\n"u8.ToArray();
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
            var document = new SourceDocument
            {
                Title = "Synthetic draft-only FOI answer",
                Authority = "Home Office",
                FileName = "draft-only.txt",
                Sha256 = sha256,
                SizeBytes = bytes.Length,
            };
            db.SourceFiles.Add(new SourceFile { SourceDocument = document, Content = bytes });
            var draft = new Release { Slug = "draft-source-test", Title = "Draft", Summary = "Not yet published." };
            var observation = new Observation
            {
                Release = draft,
                Measure = await db.Measures.SingleAsync(m => m.Slug == MeasureSlugs.UseOfForceIncidents, Cancel),
                Place = await db.Places.SingleAsync(p => p.Slug == "brook-house", Cancel),
                PeriodKey = "",
                Value = 3,
                Status = ObservationStatus.Exact,
                SourceDocument = document,
                SourceLocation = "line 1",
            };
            observation.SetPeriod(Period.Year(2024));
            db.Observations.Add(observation);
            await db.SaveChangesAsync(Cancel);
        }

        (await PageAsync($"/statistics/sources/{sha256}", HttpStatusCode.NotFound)).QuerySelector("h1")!.TextContent.ShouldBe("Page not found");
        (await client.GetAsync($"/statistics/sources/{sha256}/file", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FiguresTable_SourceCell_LinksToTheSourcePageAndKeepsTheLocation()
    {
        var (document, _) = await DemonstrationSourceAsync();
        var page = await PageAsync("/statistics/use-of-force");
        var cells = page.QuerySelectorAll("table.figures tbody td.source").ToList();
        cells.ShouldNotBeEmpty();
        cells.ShouldAllBe(td => td.QuerySelector("a")!.GetAttribute("href") == $"/statistics/sources/{document.Sha256}");
        cells.ShouldAllBe(td => td.TextContent.Contains("line 7"));
    }

    [Theory]
    [InlineData("/statistics")]
    [InlineData("/statistics/no-such-theme")]
    [InlineData("/css/site.css")]
    [InlineData("/api/v1/releases")]
    public async Task EveryResponse_CarriesSecurityHeaders_AlsoWhenServedFromCache(string path)
    {
        // The second request is answered from the output cache, which must keep the headers.
        foreach (var attempt in new[] { "first", "cached" })
        {
            var response = await client.GetAsync(path, Cancel);
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("unsafe-inline", customMessage: $"{attempt} {path}");
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'", customMessage: $"{attempt} {path}");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], customMessage: $"{attempt} {path}");
        }
    }

    [Fact]
    public async Task UnknownApiAddress_IsAProblemDetails404NotAPage()
    {
        var response = await client.GetAsync("/api/v1/no-such-collection", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("title").GetString().ShouldBe("Page not found");
    }

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/no-such-collection")]
    public async Task UnknownApiAddress_OpenedInABrowser_IsTheNotFoundPage(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // A client that takes HTML only, which no ProblemDetails writer gives.
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("Page not found");
    }

    [Fact]
    public async Task WritingToTheApi_IsRefusedWithProblemDetails()
    {
        var response = await client.DeleteAsync("/api/v1/releases/2024", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task PostingToAPage_IsRefusedWithAPageThatSaysWhy()
    {
        var response = await client.PostAsync("/statistics", new StringContent(""), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
        page.QuerySelector("h1")!.TextContent.ShouldBe("The request could not be understood");
    }

    [Fact]
    public async Task Root_IsTheCharitysHome_LeadingToTheStatistics()
    {
        var response = await client.GetAsync("/", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("<a href=\"/statistics\">Immigration detention statistics</a>");
    }

    [Theory]
    [InlineData("/news/the-appg-asks-the-minister-about-detention-time-limits", "Parliament")]
    [InlineData("/news/new-figures-on-detention-and-health", "Statistics releases")]
    [InlineData("/news/our-annual-report-for-2024", "Annual reports")]
    [InlineData("/news/court-finds-a-clients-continued-detention-unlawful", "Court decisions")]
    public async Task DemonstrationNews_OnePostOfEachKind_IsPublishedAndSaysItIsADemonstration(string path, string category)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain(category);
        page.ShouldContain("written for Safeguard's demonstration data");
    }
}

public sealed class SqlitePortalHttpTests(SqlitePortalFactory factory) : PortalHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresPortalHttpTests(PostgresPortalFactory factory) : PortalHttpTests<PostgresPortalFactory>(factory);
