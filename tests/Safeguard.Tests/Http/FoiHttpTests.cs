using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;
using Safeguard.Tests.Foi;

namespace Safeguard.Tests.Http;

/// <summary><c>/api/v1/foi/due</c> and the bank holiday store through the real pipeline, on each database engine.</summary>
public abstract class FoiHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> JsonAsync(string path, HttpStatusCode expected, string mediaType = "application/json")
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(expected, $"GET {path} on {factory.Provider}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
    }

    private Task<JsonElement> ProblemAsync(string path) => JsonAsync(path, HttpStatusCode.BadRequest, "application/problem+json");

    [Fact]
    public async Task Due_AcrossChristmas_GivesTheDateAndTheHolidaysNotCounted()
    {
        var due = await JsonAsync("/api/v1/foi/due?received=2024-12-20", HttpStatusCode.OK);
        due.GetProperty("received").GetString().ShouldBe("2024-12-20");
        due.GetProperty("days").GetInt32().ShouldBe(20);
        due.GetProperty("due").GetString().ShouldBe("2025-01-23");
        due.GetProperty("dayOne").GetString().ShouldBe("2024-12-23");
        due.GetProperty("receivedOnWorkingDay").GetBoolean().ShouldBeTrue();
        due.GetProperty("holidaysSkipped").EnumerateArray().Select(h => (h.GetProperty("date").GetString(), h.GetProperty("reason").GetString())).ShouldBe([
            ("2024-12-25", "Christmas Day"), ("2024-12-26", "Boxing Day"), ("2025-01-01", "New Year’s Day"), ("2025-01-02", "2nd January in Scotland"),
        ]);
        due.GetProperty("explanation").GetString()!.ShouldStartWith("Due on Thursday 23 January 2025: the 20th working day after Friday 20 December 2024");
        due.GetProperty("rule").GetString()!.ShouldContain("s.10");
    }

    [Fact]
    public async Task Due_WithDays_CountsThatManyWorkingDays()
    {
        var due = await JsonAsync("/api/v1/foi/due?received=2025-01-04&days=40", HttpStatusCode.OK);
        due.GetProperty("days").GetInt32().ShouldBe(40);
        due.GetProperty("due").GetString().ShouldBe("2025-02-28");
        due.GetProperty("receivedOnWorkingDay").GetBoolean().ShouldBeFalse();
        due.GetProperty("dayOne").GetString().ShouldBe("2025-01-06");
    }

    [Theory]
    [InlineData("/api/v1/foi/due", "received", "Give the date of receipt once")]
    [InlineData("/api/v1/foi/due?received=", "received", "Give the date of receipt once")]
    [InlineData("/api/v1/foi/due?received=2025-02-30", "received", "'2025-02-30' is not a date: write it as yyyy-mm-dd")]
    [InlineData("/api/v1/foi/due?received=2-1-2025", "received", "is not a date")]
    [InlineData("/api/v1/foi/due?received=2025-01-02&received=2025-01-03", "received", "once")]
    [InlineData("/api/v1/foi/due?received=2025-01-02&days=0", "days", "from 1 to 250")]
    [InlineData("/api/v1/foi/due?received=2025-01-02&days=twenty", "days", "it was 'twenty'")]
    [InlineData("/api/v1/foi/due?received=2025-01-02&days=251", "days", "from 1 to 250")]
    [InlineData("/api/v1/foi/due?received=2025-01-02&day=20", "day", "not a parameter")]
    public async Task Due_BadParameter_IsAProblemNamingIt(string path, string parameter, string message)
    {
        var problem = await ProblemAsync(path);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task Due_ReceivedOutsideCoveredYears_IsAProblemNamingTheYearsKnown()
    {
        var problem = await ProblemAsync("/api/v1/foi/due?received=2023-12-29");
        problem.GetProperty("title").GetString().ShouldBe("Bank holidays are not known for 2023.");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("Bank holidays are known for 2024 to 2027; 2023-12-29 is outside them");
        problem.GetProperty("parameter").GetString().ShouldBe("received");
        problem.GetProperty("coveredYears").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2024, 2025, 2026, 2027]);
    }

    [Fact]
    public async Task Due_CountRunningPastCoveredYears_IsAProblemNamingTheDay()
    {
        var problem = await ProblemAsync("/api/v1/foi/due?received=2027-12-20");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("Bank holidays are known for 2024 to 2027; 2028-01-01 is outside them: import a newer GOV.UK feed");
        problem.GetProperty("parameter").GetString().ShouldBe("days");
        problem.GetProperty("date").GetString().ShouldBe("2028-01-01");
    }

    [Fact]
    public async Task OpenApi_DescribesTheFoiClock()
    {
        var document = await JsonAsync("/openapi/v1.json", HttpStatusCode.OK);
        var due = document.GetProperty("paths").GetProperty("/api/v1/foi/due").GetProperty("get");
        due.GetProperty("summary").GetString()!.ShouldContain("working day");
    }

    [Fact]
    public async Task Due_CrossOriginRead_IsAllowed()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/foi/due?received=2025-01-02");
        read.Headers.Add("Origin", "https://researcher.example");
        var response = await client.SendAsync(read, Cancel);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["*"]);
    }

    [Fact]
    public void Migrations_CoverTheFoiModel()
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<FoiDbContext>().Database.HasPendingModelChanges()
            .ShouldBeFalse($"the {factory.Provider} FOI migrations lag the model: run tools/add-migration.sh foi NAME");
    }
}

public sealed class SqliteFoiHttpTests(SqlitePortalFactory factory) : FoiHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresFoiHttpTests(PostgresPortalFactory factory) : FoiHttpTests<PostgresPortalFactory>(factory);

/// <summary>Importing a newer feed, on an application of its own so the other tests still see the shipped years only.</summary>
public abstract class FoiImportHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> JsonAsync(string path, HttpStatusCode expected, string mediaType = "application/json")
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(expected, $"GET {path} on {factory.Provider}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
    }

    private Task<JsonElement> ProblemAsync(string path) => JsonAsync(path, HttpStatusCode.BadRequest, "application/problem+json");

    [Fact]
    public async Task ImportedFeed_ExtendsTheYearsTheClockKnows()
    {
        (await ProblemAsync("/api/v1/foi/due?received=2031-03-03")).GetProperty("parameter").GetString().ShouldBe("received");
        var feed = BankHolidayFeed.Parse(Encoding.UTF8.GetBytes(BankHolidayFeedTests.SyntheticFeed(2031, 2032)), "newer.json");
        using (var scope = factory.Services.CreateScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().ImportAsync(feed, "newer.json", Cancel);
            imported.New.ShouldBe(12);
            imported.After.Years.ShouldBe([2024, 2025, 2026, 2027, 2031, 2032]);
            imported.After.ToString().ShouldBe("2024 to 2027 and 2031 to 2032");
        }
        var due = await JsonAsync("/api/v1/foi/due?received=2031-12-19", HttpStatusCode.OK);
        // 25 December 2031 and 1 January 2032 are holidays in the synthetic feed; 26 December is only a Friday.
        due.GetProperty("holidaysSkipped").EnumerateArray().Select(h => h.GetProperty("date").GetString()).ShouldBe(["2031-12-25", "2032-01-01"]);

        using (var scope = factory.Services.CreateScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<BankHolidayStore>().ImportAsync(feed, "newer.json", Cancel);
            again.New.ShouldBe(0);
            var rows = await scope.ServiceProvider.GetRequiredService<FoiDbContext>().BankHolidays.CountAsync(h => h.Date.Year >= 2031, Cancel);
            rows.ShouldBe(12, "importing the same feed twice adds nothing");
        }
    }
}

public sealed class SqliteFoiImportHttpTests(OwnSqlitePortalFactory factory) : FoiImportHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresFoiImportHttpTests(OwnPostgresPortalFactory factory) : FoiImportHttpTests<OwnPostgresPortalFactory>(factory);
