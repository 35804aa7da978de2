using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Casework.Data;
using Safeguard.Casework.Search;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Casework;

/// <summary>
/// Finding a case at /staff/cases, through the real pipeline, on each engine: by case number, whole name or a part of
/// it, Home Office reference and date of birth, typed however (case, spaces, accents), through a blind index that holds
/// none of them; only among the cases the reader may open; each search on the audit trail without what was typed.
/// </summary>
public abstract class CaseSearchHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Name = "Thorvald Quenby-Zwicky";

    private static async Task<IReadOnlyList<string>> FoundAsync(StaffBrowser browser, string typed)
    {
        var response = await browser.SubmitAsync(CaseworkPaths.Cases, [new("Search", typed)]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(response);
        page.QuerySelector("#search-results").ShouldNotBeNull(typed);
        return [.. page.QuerySelectorAll<IHtmlAnchorElement>("#cases-caption ~ tbody a").Select(a => a.TextContent)];
    }

    [Fact]
    public async Task Search_ByEachField_FindsTheCase_OnlyAmongTheCasesTheReaderMayOpen_AndIsRecordedWithoutWhatWasTyped()
    {
        var (caseworker, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var mine = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id], personName: Name);
        var colleague = await StaffBrowser.CreateAsync(factory, StaffRoles.Caseworker);
        // The same name, reference and date of birth on a case the reader is not assigned to.
        var theirs = await CaseworkSamples.CreateAsync(factory.Services, [colleague.Id], personName: Name);

        foreach (var typed in new[] { mine.CaseNumber.ToLowerInvariant(), "  thorvald   QUENBY zwicky ", "Thörvald Quenby-Zwicky", "quenby", "ZWICKY", "x 123 4567", "01/04/1990" })
        {
            (await FoundAsync(browser, typed)).ShouldBe([mine.CaseNumber], typed);
        }
        (await FoundAsync(browser, "Thorvald Zwicky-Quenby")).ShouldBeEmpty("a whole name matches only as a whole");
        (await FoundAsync(browser, "02/04/1990")).ShouldBeEmpty();
        (await FoundAsync(browser, theirs.CaseNumber)).ShouldBeEmpty("a case the reader may not open is never found");

        var (_, supervisor) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Supervisor);
        (await FoundAsync(supervisor, "Quenby")).ShouldBe([theirs.CaseNumber, mine.CaseNumber], ignoreOrder: true);

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Actor = caseworker.Id, RecordType = "case-list", Limit = 100 }, Cancel);
        entries.Count(e => e.Detail!.StartsWith("search", StringComparison.Ordinal)).ShouldBe(10, "each search once (the list read before each is recorded as a page)");
        entries.ShouldContain(e => e.Detail == $"search: {mine.CaseNumber}");
        entries.ShouldContain(e => e.Detail == "search: no cases");
        entries.ShouldAllBe(e => !e.Detail!.Contains("uenby", StringComparison.OrdinalIgnoreCase) && !e.Detail.Contains("1990", StringComparison.Ordinal) && !e.Detail.Contains("4567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchIndex_ReadWithPlainSql_HoldsNoValueItFinds()
    {
        var (caseworker, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id], personName: "Wilhelmina Yarrowby");
        (await FoundAsync(browser, "Yarrowby")).ShouldBe([sample.CaseNumber]);

        string[] plaintexts = ["wilhelmina yarrowby", "wilhelmina", "yarrowby", "x1234567", "1990-04-01", "01/04/1990", "19900401"];
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        var values = new List<string>();
        foreach (var table in new[] { "casework_search_index", "casework_search_keys" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    values.Add(Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }
        var clientId = await db.Clients.Where(c => c.CaseNumber == sample.CaseNumber).Select(c => c.Id).SingleAsync(Cancel);
        (await db.SearchEntries.CountAsync(e => e.ClientId == clientId, Cancel)).ShouldBe(5, "the whole name, its two parts, the reference and the date of birth");
        values.ShouldNotBeEmpty();
        values.ShouldAllBe(v => plaintexts.All(p => !v.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Backfill_IndexesACaseTheIndexLacks()
    {
        var (caseworker, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Caseworker);
        var sample = await CaseworkSamples.CreateAsync(factory.Services, [caseworker.Id], personName: "Leopoldina Vexworth");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseworkDbContext>();
            // As a case opened before the index existed.
            await db.SearchEntries.Where(e => db.Clients.Any(c => c.Id == e.ClientId && c.CaseNumber == sample.CaseNumber)).ExecuteDeleteAsync(Cancel);
        }
        (await FoundAsync(browser, "Vexworth")).ShouldBeEmpty();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseSearchIndex>().BackfillAsync(Cancel);
        }
        (await FoundAsync(browser, "Vexworth")).ShouldBe([sample.CaseNumber]);
    }
}

public sealed class SqliteCaseSearchHttpTests(SqlitePortalFactory factory) : CaseSearchHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresCaseSearchHttpTests(PostgresPortalFactory factory) : CaseSearchHttpTests<PostgresPortalFactory>(factory);
