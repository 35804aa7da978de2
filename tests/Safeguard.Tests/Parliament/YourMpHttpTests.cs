using System.Data.Common;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Postcodes;
using Safeguard.Parliament.Register;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// /parliament/your-mp through the real pipeline on each engine, over a synthetic register (a chair, a member, an MP
/// outside the group, and a seat whose MP has left) and a small NSPL file: each answer, each bad input, the letter,
/// and that nothing a person typed is kept.
/// </summary>
public abstract class YourMpHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OwnPortalFactory
{
    private readonly StaffBrowser browser = new(factory);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Aldershot (the chair's), Aldridge-Brownhills (a member's), Altrincham and Sale West (not a member's), Amber Valley (vacant).</summary>
    private async Task<List<SyntheticMp>> ArrangeAsync()
    {
        var mps = SyntheticRegister.Mps(4, firstMnisId: 93001);
        using var scope = factory.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<RegisterImport>();
        var group = AppgFile.Read(SyntheticRegister.AppgFile([(mps[0], false), (mps[1], false), (mps[2], true)], [(mps[0], "Chair & Registered Contact")]), "appg.json");
        await import.ImportAsync(new RegisterFiles(MpList.Read(new StringReader(SyntheticRegister.MpList(mps)), "mps.csv"), null, group, "mps.csv"), Cancel);
        // Amber Valley's MP leaves: the next list has no one for the seat.
        await import.ImportAsync(new RegisterFiles(MpList.Read(new StringReader(SyntheticRegister.MpList(mps.Take(3))), "mps.csv"), null, null, "mps.csv"), Cancel);
        using var file = PostcodeFile.Open(new StringReader(SyntheticPostcodes.Nspl([
            new("GU11 1AA", "E14001063"), new("GU11 9ZZ", "E14001063", "201906"), new("WS9 8QA", "E14001064"), new("WS9 0ZZ", "E99999999", "200112"),
            new("WA14 5NJ", "E14001065"), new("DE56 1PZ", "E14001066"), new("JE2 3NX", "L99999999"),
        ])), "NSPL_FEB_2026_UK.csv");
        await scope.ServiceProvider.GetRequiredService<PostcodeImport>().ImportAsync(file, null, Cancel);
        return mps;
    }

    private async Task<string> AnswerAsync(string postcode)
    {
        var response = await browser.Client.GetAsync($"/parliament/your-mp?postcode={Uri.EscapeDataString(postcode)}", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, factory.Provider);
        return (await StaffBrowser.ParseAsync(response)).QuerySelector("main")!.TextContent.ReplaceLineEndings(" ");
    }

    private static string Squeezed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Lookup_PostcodeTypedInAnyCaseAndSpacing_GivesTheSeatTheMpAndTheirRoleInTheGroup()
    {
        var mps = await ArrangeAsync();

        var page = Squeezed(await AnswerAsync("  gu1 11aa "));

        page.ShouldContain($"Constituency Aldershot MP {mps[0].Name} Party Labour E-mail mp{mps[0].MnisId}@example.org Post {mps[0].Name} MP, House of Commons, London SW1A 0AA");
        page.ShouldContain($"{mps[0].Name} is an officer (Chair & Registered Contact) of the All-Party Parliamentary Group on Immigration Detention.");
        Squeezed(await AnswerAsync("WS98QA")).ShouldContain($"{mps[1].Name} is a member of the All-Party Parliamentary Group on Immigration Detention.");
        var outside = Squeezed(await AnswerAsync("wa14 5nj"));
        outside.ShouldContain($"{mps[2].Name} is not a member of the All-Party Parliamentary Group on Immigration Detention. You can ask them to join");
        outside.ShouldContain($"Write to {mps[2].Name}");
    }

    [Theory]
    [InlineData("", "Enter your postcode, for example SW1A 1AA.")]
    [InlineData("not a postcode", "Enter a postcode in the shape SW1A 1AA")]
    [InlineData("ZZ9 9ZZ", "We cannot find ZZ9 9ZZ. Check it against a letter sent to your home")]
    [InlineData("je2 3nx", "JE2 3NX is in Jersey, which has its own parliament, the States Assembly, and no MP in the House of Commons.")]
    [InlineData("GY1 1AA", "GY1 1AA is in the Bailiwick of Guernsey, which has its own parliaments, such as the States of Deliberation, and no MP in the House of Commons.")]
    [InlineData("IM1 1AF", "IM1 1AF is in the Isle of Man, which has its own parliament, Tynwald, and no MP in the House of Commons.")]
    [InlineData("WS9 0ZZ", "WS9 0ZZ is no longer in use (Royal Mail stopped using it in December 2001) and has no constituency in the Office for National Statistics' list. Enter the postcode of your home as it is now")]
    [InlineData("DE56 1PZ", "Amber Valley has no MP at the moment The seat is vacant until a by-election is held.")]
    [InlineData("gu11 9zz", "GU11 9ZZ is no longer in use: Royal Mail stopped using it in June 2019. It was in Aldershot, whose MP is shown below. If you have moved, enter your postcode as it is now.")]
    public async Task Lookup_BadOrUnusualInput_AnswersWithASentenceSayingWhatToDo(string typed, string answer)
    {
        await ArrangeAsync();

        Squeezed(await AnswerAsync(typed)).ShouldContain(answer);
    }

    [Fact]
    public async Task Lookup_NotAPostcode_IsAnErrorOnTheFieldWithTheSummaryLinkingToIt()
    {
        await ArrangeAsync();

        var page = await browser.PageAsync("/parliament/your-mp?postcode=SW1A");

        page.QuerySelector(".error-summary a")!.GetAttribute("href").ShouldBe("#postcode");
        page.QuerySelector<IHtmlInputElement>("#postcode")!.Value.ShouldBe("SW1A");
        page.QuerySelector("#postcode-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task Letter_StartedAndPrepared_IsCountedOnceForTheSeatAndTheEmailLinkHoldsTheEditedText()
    {
        var mps = await ArrangeAsync();
        var before = await LettersAsync("E14001065");

        var started = await browser.SubmitAsync("/parliament/your-mp?postcode=WA14+5NJ&opening=1", [], handler: "Start");

        started.StatusCode.ShouldBe(HttpStatusCode.OK);
        var editor = await StaffBrowser.ParseAsync(started);
        var draft = editor.QuerySelector<IHtmlTextAreaElement>("textarea#letter").ShouldNotBeNull().Value;
        draft.ShouldStartWith($"Dear {mps[2].Name},\n\nAs one of your constituents in Altrincham and Sale West, I would like you to become a member");
        Squeezed(editor.QuerySelector("main")!.TextContent).ShouldContain("MPs' offices set aside campaign letters that are all the same");
        (await LettersAsync("E14001065")).ShouldBe(before + 1);

        var edited = draft.Replace("[Your name]", "A constituent", StringComparison.Ordinal);
        var prepared = await SubmitAsync(editor, "Prepare", [new("letter", edited)]);

        var link = (await StaffBrowser.ParseAsync(prepared)).QuerySelectorAll<IHtmlAnchorElement>("main a").Single(a => a.TextContent == "Open it in your e-mail");
        link.GetAttribute("href").ShouldBe($"mailto:mp{mps[2].MnisId}@example.org?subject=Will%20you%20join%20the%20APPG%20on%20Immigration%20Detention%3F&body={Uri.EscapeDataString(edited)}");
        (await LettersAsync("E14001065")).ShouldBe(before + 1, "making the e-mail is the same letter, not another");
    }

    [Fact]
    public async Task Lookup_AfterTheRegisterChangesHere_ShowsTheChangeAtOnce()
    {
        var mps = await ArrangeAsync();
        Squeezed(await AnswerAsync("WS9 8QA")).ShouldContain($"{mps[1].Name} is a member of the All-Party Parliamentary Group on Immigration Detention.");

        // The group's next list marks the member removed.
        using (var scope = factory.Services.CreateScope())
        {
            var group = AppgFile.Read(SyntheticRegister.AppgFile([(mps[0], false), (mps[1], true), (mps[2], true)], [(mps[0], "Chair & Registered Contact")]), "appg.json");
            await scope.ServiceProvider.GetRequiredService<RegisterImport>().ImportAsync(new RegisterFiles(null, null, group, "appg.json"), Cancel);
        }

        Squeezed(await AnswerAsync("WS9 8QA")).ShouldContain($"{mps[1].Name} is not a member of the All-Party Parliamentary Group on Immigration Detention.");
    }

    [Fact]
    public async Task Lookup_AfterAnotherNodeChangesTheRegister_ShowsTheChangeWithinTheSeatsFreshness()
    {
        var mps = await ArrangeAsync();
        Squeezed(await AnswerAsync("WA14 5NJ")).ShouldContain($"Party {mps[2].Party}");

        // Another node (or the command line) changes the MP's party: nothing in this process is told.
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Parliamentarians
                .Where(m => m.MnisId == mps[2].MnisId)
                .ExecuteUpdateAsync(m => m.SetProperty(p => p.Party, "Independent"), Cancel);
        }
        factory.Clock.Advance(Safeguard.Parliament.YourMp.SeatDirectory.Freshness);

        Squeezed(await AnswerAsync("WA14 5NJ")).ShouldContain("Party Independent");
    }

    [Fact]
    public async Task Letter_ToAMemberOrAnUnknownSeat_IsNotFound()
    {
        await ArrangeAsync();
        // The form of a seat whose MP is not a member, sent with another seat's code.
        var member = await browser.SubmitAsync("/parliament/your-mp?postcode=WA14+5NJ", [new("constituency", "E14001064")], handler: "Start");
        member.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var junk = await browser.SubmitAsync("/parliament/your-mp?postcode=WA14+5NJ", [new("constituency", "SW1A 1AA")], handler: "Start");
        junk.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LookupAndLetter_PersonsPostcodeNameAndAddress_AreInNoTableAndNoLog()
    {
        await ArrangeAsync();
        var person = new Faker("en_GB") { Random = new Randomizer(2101) };
        var name = person.Name.FullName();
        var street = person.Address.StreetAddress();

        await AnswerAsync("wa14 5nj");
        var editor = await StaffBrowser.ParseAsync(await browser.SubmitAsync("/parliament/your-mp?postcode=wa14+5nj", [], handler: "Start"));
        var letter = editor.QuerySelector<IHtmlTextAreaElement>("textarea#letter")!.Value
            .Replace("[Your name]", name, StringComparison.Ordinal).Replace("[Your address in Altrincham and Sale West: MPs answer their own constituents]", $"{street}, WA14 5NJ", StringComparison.Ordinal);
        (await SubmitAsync(editor, "Prepare", [new("letter", letter)])).StatusCode.ShouldBe(HttpStatusCode.OK);

        string[] personal = ["WA14 5NJ", "WA145NJ", "wa14 5nj", name, street];
        var cells = await EveryCellAsync();
        cells.Count.ShouldBeGreaterThan(0);
        foreach (var value in personal)
        {
            cells.Where(c => c.Value.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(c => c.Table).ShouldBeEmpty($"'{value}' is stored ({factory.Provider})");
            factory.Log.Messages.Select(e => e.ToString()).Where(e => e.Contains(value, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"'{value}' is in the log");
        }
    }

    /// <summary>Every text cell of every table, but the ONS postcode list itself (public reference data, every postcode in the UK).</summary>
    private async Task<List<(string Table, string Value)>> EveryCellAsync()
    {
        using var scope = factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = factory.Provider == "SQLite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                tables.Add(reader.GetString(0));
            }
        }
        tables.ShouldContain("parliament_letters_started");
        var cells = new List<(string, string)>();
        foreach (var table in tables.Where(t => t != "parliament_postcodes"))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await select.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    cells.Add((table, value switch { byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes), _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" }));
                }
            }
        }
        return cells;
    }

    private async Task<int> LettersAsync(string constituency)
    {
        using var scope = factory.Services.CreateScope();
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        return await scope.ServiceProvider.GetRequiredService<ParliamentDbContext>().LettersStarted
            .Where(c => c.ConstituencyCode == constituency && c.Day == day).Select(c => c.Letters).SingleOrDefaultAsync(Cancel);
    }

    /// <summary>Submits a form of a page already shown (the letter's, which only a POST shows) with its hidden fields and token.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(AngleSharp.Html.Dom.IHtmlDocument page, string handler, KeyValuePair<string, string>[] fields)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("main form").Single(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.Ordinal));
        var values = fields.ToList();
        values.AddRange(form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Where(h => values.All(v => v.Key != h.Name)).Select(h => new KeyValuePair<string, string>(h.Name!, h.Value)));
        return await browser.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values), Cancel);
    }
}

/// <summary>An application of its own with the look-up limit out of the way of the tests.</summary>
public sealed class YourMpSqliteFactory : OwnSqlitePortalFactory
{
    public YourMpSqliteFactory() => Settings = new Dictionary<string, string> { ["Safeguard:Parliament:LookupsPerMinute"] = "100000" };
}

/// <inheritdoc cref="YourMpSqliteFactory"/>
public sealed class YourMpPostgresFactory : OwnPostgresPortalFactory
{
    public YourMpPostgresFactory() => Settings = new Dictionary<string, string> { ["Safeguard:Parliament:LookupsPerMinute"] = "100000" };
}

public sealed class SqliteYourMpHttpTests(YourMpSqliteFactory factory) : YourMpHttpTests<YourMpSqliteFactory>(factory);

public sealed class PostgresYourMpHttpTests(YourMpPostgresFactory factory) : YourMpHttpTests<YourMpPostgresFactory>(factory);
