using Microsoft.Data.Sqlite;

namespace Safeguard.Tests.Audit;

/// <summary><c>audit verify</c> and <c>audit search</c> run as staff run them, after an import and a publication.</summary>
public sealed class AuditCommandLineTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-audit-cli-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Delete(recursive: true);

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) => SafeguardCommand.RunAsync(folder.FullName, arguments);

    [Fact]
    public async Task Verify_FreshDatabase_IsIntactAndExits0()
    {
        var (exitCode, output, _) = await RunAsync("audit", "verify");
        exitCode.ShouldBe(0);
        output.ShouldContain("The audit trail is intact: 0 entries");
    }

    /// <summary>Imports a synthetic answer whose file name and source name a (made-up) person, as a real one might.</summary>
    private async Task ImportAnswerAsync()
    {
        var file = Path.Combine(folder.FullName, "foi-answer-for-Jane-Example.csv");
        await File.WriteAllTextAsync(file, "Date,Year,Quarter,Nationality,Region,Sex,Age,Current place of detention,Length of detention,People\n"
            + "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,5\n"
            + "2023-12-31,2023,4,Arcadia,Elsewhere,Female,30 to 39,Yarl's Wood IRC,B: 4 to 7 days,7\n", Cancel);
        (await RunAsync("import", file, "--template", "home-office-det-d02", "--release", "2024-h2",
            "--source", "FOI 12345 (Jane Example)", "--title", "Answer to Jane Example")).ExitCode.ShouldBe(0);
    }

    private async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "safeguard.db")};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var tamper = connection.CreateCommand();
        tamper.CommandText = sql;
        await tamper.ExecuteNonQueryAsync(Cancel);
    }

    [Fact]
    public async Task ImportAndPublish_AreRecordedWithoutPersonalData_AndTamperingIsNamedWithExit1()
    {
        await ImportAnswerAsync();
        (await RunAsync("publish", "2024-h2")).ExitCode.ShouldBe(0);

        var search = await RunAsync("audit", "search", "--record-type", "release", "--record-id", "2024-h2");
        search.ExitCode.ShouldBe(0);
        var lines = search.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldContain("system  publish  release 2024-h2  from command line");
        lines[1].ShouldContain("system  import  release 2024-h2  from command line  2 figures from file sha256:");
        lines[2].ShouldBe("2 entries, newest first.");
        search.Output.ShouldNotContain("Jane");
        search.Output.ShouldNotContain("Example");
        (await RunAsync("audit", "search", "--action", "import")).Output.ShouldContain("1 entries, newest first.");
        (await RunAsync("audit", "search", "--action", "nonsense")).ExitCode.ShouldBe(1);

        var intact = await RunAsync("audit", "verify");
        intact.ExitCode.ShouldBe(0);
        intact.Output.ShouldContain("The audit trail is intact: 2 entries");

        await TamperAsync("DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 1;");
        var broken = await RunAsync("audit", "verify");
        broken.ExitCode.ShouldBe(1);
        broken.Errors.ShouldContain("The audit trail is broken: entry 1: its hash does not match its contents (changed after it was written).");
        broken.Errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Anchor_PrintsAndRecordsTheHead_AndVerifyWithItNamesTheNewestEntriesDeletedSince()
    {
        await ImportAnswerAsync();

        var anchored = await RunAsync("audit", "anchor");
        anchored.ExitCode.ShouldBe(0, anchored.Errors);
        var anchor = anchored.Output.Split('\n')[0];
        anchor.ShouldMatch("^1:[0-9a-f]{64}$");
        anchored.Output.ShouldContain($"audit verify --anchor {anchor}");
        var recorded = await RunAsync("audit", "search", "--record-type", "audit-trail");
        recorded.Output.ShouldContain($"system  read  audit-trail  from command line  anchor taken: {anchor}");
        (await RunAsync("audit", "verify", "--anchor", anchor)).Output.ShouldContain("The audit trail is intact: 2 entries");

        // Someone able to write the database file removes every entry, the anchor's record too.
        await TamperAsync("DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries;");
        (await RunAsync("audit", "verify")).ExitCode.ShouldBe(0, "the chain alone cannot show entries removed from its end");
        var broken = await RunAsync("audit", "verify", "--anchor", anchor);
        broken.ExitCode.ShouldBe(1);
        broken.Errors.ShouldContain("The audit trail is broken: entry 1 is missing: the anchor names it, but the trail is empty (deleted after the anchor was taken).");

        var malformed = await RunAsync("audit", "verify", "--anchor", "1:abc");
        malformed.ExitCode.ShouldBe(1);
        malformed.Errors.ShouldContain("error: --anchor is written N:HASH");
    }
}
