using Npgsql;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// <c>safeguard parliament register import</c> run as a person runs it (<see cref="SafeguardCommand"/>), on a database of
/// its own on each engine: the real files, re-imports that change nothing or report what changed, and malformed files
/// refused whole with their place.
/// </summary>
public abstract class RegisterImportCommandLineTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-parliament-cli-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The connection string of the test's own database.</summary>
    protected abstract string Database { get; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected string Folder => folder.FullName;

    private string DataFolder => Path.Combine(folder.FullName, "data");

    private Task<(int ExitCode, string Output, string Errors)> ImportAsync(params string[] options) =>
        SafeguardCommand.RunAsync(DataFolder, ["--database", Database, "parliament", "register", "import", .. options]);

    private async Task<string> FileAsync(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        await File.WriteAllTextAsync(path, text, Cancel);
        return path;
    }

    [Fact]
    public async Task Import_SharedFiles_Registers650MpsAndTheGroupsOfficersThenChangesNothingOnceMore()
    {
        var shared = SyntheticRegister.SharedDataFolder();
        string[] files = ["--mps", Path.Combine(shared, "dfe-mp_lookup.csv"), "--constituencies", Path.Combine(shared, "postcodesio-constituencies.json"),
            "--appg", Path.Combine(shared, "appg-immigration-detention.json")];

        var first = await ImportAsync(files);

        first.ExitCode.ShouldBe(0, first.Errors);
        first.Output.ShouldContain("MPs: 650 in the list; 650 new: ");
        first.Output.ShouldContain(", 4 of them officers, list last checked 16 July 2026; ");

        var again = await ImportAsync(files);

        again.ExitCode.ShouldBe(0, again.Errors);
        again.Output.ShouldContain("MPs: 650 in the list; no change.");
        again.Output.ShouldContain(", 4 of them officers, list last checked 16 July 2026; no change.");
    }

    [Fact]
    public async Task Reimport_ByElectionAndPartyChange_ReportsNewMemberPartyChangeAndLeaver()
    {
        var mps = SyntheticRegister.Mps(3);
        await ImportAsync("--mps", await FileAsync("mps.csv", SyntheticRegister.MpList(mps)));
        var newcomer = SyntheticRegister.Mps(3, firstMnisId: 91001)[2];
        List<SyntheticMp> later = [mps[0], mps[1] with { Party = "Independent" }, newcomer];

        var (exitCode, output, errors) = await ImportAsync("--mps", await FileAsync("mps-later.csv", SyntheticRegister.MpList(later)));

        exitCode.ShouldBe(0, errors);
        output.Trim().ShouldBe($"MPs: 3 in the list; 1 new: {newcomer.Name} ({newcomer.Seat}), 1 party changed: {mps[1].Name} from Conservative to Independent, 1 left: {mps[2].Name} ({mps[2].Seat}).");
    }

    [Fact]
    public async Task Reimport_GroupFileChanged_ReportsJoinedLeftAndRoleChanged()
    {
        var mps = SyntheticRegister.Mps(4);
        await ImportAsync("--mps", await FileAsync("mps.csv", SyntheticRegister.MpList(mps)),
            "--appg", await FileAsync("appg.json", SyntheticRegister.AppgFile([(mps[0], false), (mps[1], false), (mps[2], false)], [(mps[0], "Chair")])));

        var (exitCode, output, errors) = await ImportAsync("--appg", await FileAsync("appg-later.json", SyntheticRegister.AppgFile(
            [(mps[0], false), (mps[1], false), (mps[2], true), (mps[3], false)], [(mps[0], "Chair"), (mps[1], "Officer")], lastUpdated: "2026-09-01")));

        exitCode.ShouldBe(0, errors);
        output.Trim().ShouldBe($"APPG: 3 current members, 2 of them officers, list last checked 1 September 2026; 1 joined: {mps[3].Name}, 1 left: {mps[2].Name}, 1 role changed: {mps[1].Name} from member to Officer.");
    }

    [Fact]
    public async Task Import_BadRowInMpList_RefusedNamingLineAndColumnAndNothingWritten()
    {
        var mps = SyntheticRegister.Mps(3);
        var good = await FileAsync("mps.csv", SyntheticRegister.MpList(mps));
        await ImportAsync("--mps", good);
        var bad = SyntheticRegister.MpList([mps[0] with { Party = "Independent" }, mps[1], mps[2] with { MnisId = "x12" }]);

        var (exitCode, _, errors) = await ImportAsync("--mps", await FileAsync("mps-bad.csv", bad));

        exitCode.ShouldBe(1);
        errors.ShouldContain("error: mps-bad.csv, line 4, column 3 (member_id): 'x12' is not an MNIS id (a whole number).");
        errors.ShouldContain("Nothing was imported.");
        var again = await ImportAsync("--mps", good);
        again.Output.Trim().ShouldBe("MPs: 3 in the list; no change.", "the party change on the bad file's first row was not written");
    }

    [Fact]
    public async Task Import_MissingColumnOrGroupFieldOrUnknownSeat_RefusedNamingThePlace()
    {
        var list = SyntheticRegister.MpList(SyntheticRegister.Mps(2));
        var (exitCode, _, errors) = await ImportAsync("--mps", await FileAsync("no-party.csv", list.Replace("\"party_text\"", "\"party\"", StringComparison.Ordinal)));
        exitCode.ShouldBe(1);
        errors.ShouldContain("error: no-party.csv, line 1, column party_text: the column is missing;");

        var group = SyntheticRegister.AppgFile([(SyntheticRegister.Mps(1)[0], false)], []).Replace("\"member_type\": \"mp\"", "\"member_type\": \"senator\"", StringComparison.Ordinal);
        (exitCode, _, errors) = await ImportAsync("--appg", await FileAsync("appg.json", group));
        exitCode.ShouldBe(1);
        errors.ShouldContain("error: appg.json, line 11, column 33: the value at $.members_list.members[0].member_type");

        (exitCode, _, errors) = await ImportAsync("--mps", await FileAsync("mps.csv", list), "--constituencies", await FileAsync("seats.json", "{\n  \"E14001063\": \"Aldershot\"\n}"));
        exitCode.ShouldBe(1);
        errors.ShouldContain("error: mps.csv, line 3, column pcon_code: constituency E14001064 is not in the constituencies file");
    }
}

public sealed class SqliteRegisterImportCommandLineTests : RegisterImportCommandLineTests
{
    protected override string Database => $"Data Source={Path.Combine(Folder, "register.db")};Pooling=False";
}

public sealed class PostgresRegisterImportCommandLineTests : RegisterImportCommandLineTests
{
    private readonly string name = $"safeguard_test_{Guid.NewGuid():N}";

    protected override string Database => new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = name }.ConnectionString;

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await base.DisposeAsync();
    }
}
