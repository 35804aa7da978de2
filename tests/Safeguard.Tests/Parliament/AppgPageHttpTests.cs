using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// <c>/parliament/appg</c> and its twins through the real pipeline on each engine, over a synthetic group imported
/// through the register import: the same members on the page, in the JSON and in the CSV.
/// </summary>
public abstract class AppgPageHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<SyntheticMp>> ImportGroupAsync()
    {
        var mps = SyntheticRegister.Mps(4, firstMnisId: 92001);
        using var scope = factory.Services.CreateScope();
        var files = new RegisterFiles(
            MpList.Read(new StringReader(SyntheticRegister.MpList(mps)), "mps.csv"), null,
            AppgFile.Read(SyntheticRegister.AppgFile([(mps[0], false), (mps[1], false), (mps[2], false), (mps[3], true)], [(mps[0], "Chair & Registered Contact")]), "appg.json"),
            "mps.csv");
        await scope.ServiceProvider.GetRequiredService<RegisterImport>().ImportAsync(files, Cancel);
        return mps;
    }

    [Fact]
    public async Task AppgPage_WithImportedGroup_ListsCurrentMembersByHouseAndPartyWithTheDateChecked()
    {
        var mps = await ImportGroupAsync();

        var response = await client.GetAsync("/parliament/appg", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, factory.Provider);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
        html.ShouldContain("The All-Party Parliamentary Group on Immigration Detention has 3 current members, of whom 1 is an officer.");
        html.ShouldContain("last checked against the group's own on 16 July 2026.");
        html.ShouldContain($"<tr><th scope=\"row\">{mps[0].Name}</th><td>Chair & Registered Contact</td><td>House of Commons</td><td>Labour</td></tr>");
        html.ShouldContain("<h3>Conservative (1)</h3>");
        html.ShouldContain($"<li>{mps[1].Name}, {mps[1].Seat}</li>");
        html.ShouldNotContain(mps[3].Name, customMessage: "a member marked removed is not on the page");
        html.ShouldContain("href=\"/parliament/appg.csv\"");
        html.ShouldContain("href=\"/parliament/appg.json\"");
    }

    [Fact]
    public async Task AppgTwins_WithImportedGroup_HoldThePagesMembers()
    {
        var mps = await ImportGroupAsync();

        var json = JsonDocument.Parse(await client.GetStringAsync("/parliament/appg.json", Cancel)).RootElement;
        json.GetProperty("lastChecked").GetString().ShouldBe("2026-07-16");
        json.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("role").GetString()))
            .ShouldBe([(mps[0].Name, "Chair & Registered Contact"), (mps[1].Name, null), (mps[2].Name, null)], "officers first, then by house, party and name");

        var csv = await client.GetAsync("/parliament/appg.csv", Cancel);
        csv.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe([
            "name,role,house,party,constituency,mnis_id",
            $"{mps[0].Name},Chair & Registered Contact,Commons,Labour,{mps[0].Seat},{mps[0].MnisId}",
            $"{mps[1].Name},,Commons,Conservative,{mps[1].Seat},{mps[1].MnisId}",
            $"{mps[2].Name},,Commons,Labour,{mps[2].Seat},{mps[2].MnisId}",
        ]);
    }

    [Fact]
    public async Task Reimport_MemberWithStaffNotes_KeepsTheNotesAndTakesTheNewParty()
    {
        var mps = await ImportGroupAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ParliamentDbContext>();
            var member = await db.Parliamentarians.SingleAsync(p => p.MnisId == mps[2].MnisId, Cancel);
            member.StaffNotes = "Asked to speak at the next meeting.";
            await db.SaveChangesAsync(Cancel);
        }
        using (var scope = factory.Services.CreateScope())
        {
            List<SyntheticMp> later = [mps[0], mps[1], mps[2] with { Party = "Green Party" }, mps[3]];
            await scope.ServiceProvider.GetRequiredService<RegisterImport>().ImportAsync(
                new RegisterFiles(MpList.Read(new StringReader(SyntheticRegister.MpList(later)), "mps.csv"), null, null, "mps.csv"), Cancel);
        }

        using var check = factory.Services.CreateScope();
        var kept = await check.ServiceProvider.GetRequiredService<ParliamentDbContext>().Parliamentarians.SingleAsync(p => p.MnisId == mps[2].MnisId, Cancel);
        (kept.Party, kept.StaffNotes).ShouldBe(("Green Party", "Asked to speak at the next meeting."));
    }

    [Fact]
    public void Migrations_CoverTheParliamentModel()
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Database.HasPendingModelChanges()
            .ShouldBeFalse($"the {factory.Provider} Parliament migrations lag the model: run tools/add-migration.sh parliament NAME");
    }
}

public sealed class SqliteAppgPageHttpTests(OwnSqlitePortalFactory factory) : AppgPageHttpTests<OwnSqlitePortalFactory>(factory);

public sealed class PostgresAppgPageHttpTests(OwnPostgresPortalFactory factory) : AppgPageHttpTests<OwnPostgresPortalFactory>(factory);
