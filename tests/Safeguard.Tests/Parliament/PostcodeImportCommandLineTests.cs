using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// <c>safeguard parliament postcodes import FILE</c> run as a person runs it, on a database of its own on each engine,
/// with small files in the NSPL's and the ONSPD's real shapes: counts, terminated postcodes, a newer edition taking
/// the place of the one in use, and bad files refused with their line and column and nothing switched.
/// </summary>
public abstract class PostcodeImportCommandLineTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-postcodes-cli-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The connection string of the test's own database.</summary>
    protected abstract string Database { get; }

    protected abstract DbConnection Connect();

    protected string Folder => folder.FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task<(int ExitCode, string Output, string Errors)> ImportAsync(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        await File.WriteAllTextAsync(path, text, Cancel);
        return await SafeguardCommand.RunAsync(Path.Combine(folder.FullName, "data"), ["--database", Database, "parliament", "postcodes", "import", path]);
    }

    /// <summary>The postcodes stored, by edition file name, read as the lookup's tables hold them.</summary>
    private async Task<List<(string File, bool InUse, string Postcode, string? Constituency, string? Terminated)>> StoredAsync()
    {
        await using var connection = Connect();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e."FileName", e."InUse", p."Postcode", p."ConstituencyCode", CAST(p."TerminatedOn" AS TEXT)
            FROM parliament_postcodes p JOIN parliament_postcode_editions e ON e."Id" = p."EditionId" ORDER BY p."Postcode"
            """;
        var rows = new List<(string, bool, string, string?, string?)>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return rows;
    }

    [Fact]
    public async Task Import_NsplFile_StoresEachPostcodeNormalisedWithItsConstituencyAndTerminationMonth()
    {
        var (exitCode, output, errors) = await ImportAsync("NSPL_FEB_2026_UK.csv", SyntheticPostcodes.Nspl([
            new("GU11 1AA", "E14001063"), new("GU12 4BT", "E14001063"), new("WS9 8QA", "E14001064", "201903"),
            new("JE2 3NX", "L99999999"), new("IM1 1AF", "M99999999"),
        ]));

        exitCode.ShouldBe(0, errors);
        output.Trim().ShouldBe("Postcodes: NSPL file, 5 postcodes (1 terminated, 2 without a constituency), now in use.");
        (await StoredAsync()).ShouldBe([
            ("NSPL_FEB_2026_UK.csv", true, "GU111AA", "E14001063", null),
            ("NSPL_FEB_2026_UK.csv", true, "GU124BT", "E14001063", null),
            ("NSPL_FEB_2026_UK.csv", true, "IM11AF", null, null),
            ("NSPL_FEB_2026_UK.csv", true, "JE23NX", null, null),
            ("NSPL_FEB_2026_UK.csv", true, "WS98QA", "E14001064", "2019-03-01"),
        ]);
    }

    [Fact]
    public async Task Import_OnspdFile_IsReadByItsOwnColumns()
    {
        var (exitCode, output, errors) = await ImportAsync("ONSPD_FEB_2024_UK.csv", SyntheticPostcodes.Onspd([new("WA14 5NJ", "E14001065"), new("DE56 1PZ", "E14001066")]));

        exitCode.ShouldBe(0, errors);
        output.Trim().ShouldBe("Postcodes: ONSPD file, 2 postcodes (0 terminated, 0 without a constituency), now in use.");
        (await StoredAsync()).Select(r => (r.Postcode, r.Constituency)).ShouldBe([("DE561PZ", "E14001066"), ("WA145NJ", "E14001065")]);
    }

    [Fact]
    public async Task Reimport_NewerEdition_TakesThePlaceOfTheOneInUseAndTheOldRowsGo()
    {
        await ImportAsync("NSPL_NOV_2025_UK.csv", SyntheticPostcodes.Nspl([new("GU11 1AA", "E14001063"), new("GU11 1AB", "E14001063")]));

        var (exitCode, output, errors) = await ImportAsync("NSPL_FEB_2026_UK.csv", SyntheticPostcodes.Nspl([
            new("GU11 1AA", "E14001063", "202601"), new("GU11 1AB", "E14001063"), new("GU11 1AD", "E14001063"),
        ]));

        exitCode.ShouldBe(0, errors);
        output.Trim().ShouldBe("Postcodes: NSPL file, 3 postcodes (1 terminated, 0 without a constituency), now in use in place of NSPL_NOV_2025_UK.csv.");
        (await StoredAsync()).ShouldBe([
            ("NSPL_FEB_2026_UK.csv", true, "GU111AA", "E14001063", "2026-01-01"),
            ("NSPL_FEB_2026_UK.csv", true, "GU111AB", "E14001063", null),
            ("NSPL_FEB_2026_UK.csv", true, "GU111AD", "E14001063", null),
        ]);
    }

    [Fact]
    public async Task Import_LargerFile_ReportsProgressAsItReads()
    {
        var (exitCode, output, errors) = await ImportAsync("NSPL_MAY_2026_UK.csv", SyntheticPostcodes.Nspl(SyntheticPostcodes.Many(100_001, ("GU", "E14001063"), ("WS", "E14001064"))));

        exitCode.ShouldBe(0, errors);
        output.ShouldContain("100,000 postcodes read...");
        output.ShouldContain("Postcodes: NSPL file, 100,001 postcodes (0 terminated, 0 without a constituency), now in use.");
    }

    [Theory]
    [InlineData("GU11 1AA", "E14001063", "2019-3", "line 3, column 5 (doterm): '2019-3' is not a month of termination (YYYYMM, as 202403) or empty.")]
    [InlineData("GU11 1AA", "E1400106", "", "line 3, column 18 (pcon24cd): 'E1400106' is not a constituency code (a letter and eight digits, as E14001063).")]
    [InlineData("GU11 1A", "E14001063", "", "line 3, column 3 (pcds): 'GU11 1A' is not a postcode.")]
    [InlineData("GU12 4BT", "E14001063", "", "line 3, column pcds: postcode GU12 4BT is on an earlier line too")]
    public async Task Import_BadRow_RefusedWithLineAndColumnAndTheEditionInUseKept(string pcds, string constituency, string terminated, string fault)
    {
        await ImportAsync("NSPL_NOV_2025_UK.csv", SyntheticPostcodes.Nspl([new("GU11 1AA", "E14001063")]));

        var (exitCode, _, errors) = await ImportAsync("NSPL_FEB_2026_UK.csv", SyntheticPostcodes.Nspl([new("GU12 4BT", "E14001063"), new(pcds, constituency, terminated), new("WS9 8QA", "E14001064")]));

        exitCode.ShouldBe(1);
        if (fault.Contains("earlier line", StringComparison.Ordinal) && this is PostgresPostcodeImportCommandLineTests)
        {
            // COPY checks the key at its end: PostgreSQL names the postcode but not the line.
            errors.ShouldContain("error: NSPL_FEB_2026_UK.csv: a postcode is in the file more than once; use the file as ONS publishes it.");
        }
        else
        {
            errors.ShouldContain($"error: NSPL_FEB_2026_UK.csv, {fault}");
        }
        errors.ShouldContain("Nothing was imported; the lookup still reads the edition it read before.");
        (await StoredAsync()).ShouldBe([("NSPL_NOV_2025_UK.csv", true, "GU111AA", "E14001063", null)]);
    }

    [Fact]
    public async Task Import_FileWithoutAConstituencyColumn_RefusedNamingTheColumns()
    {
        var (exitCode, _, errors) = await ImportAsync("PCD_OA_LSOA_MSOA_LAD.csv", "pcd7,pcd8,pcds,dointr,doterm,usertype,oa21cd,lsoa21cd\n\"GU111AA\",\"GU11 1AA\",\"GU11 1AA\",\"198001\",\"\",\"0\",\"E00115923\",\"E01022614\"\n");

        exitCode.ShouldBe(1);
        errors.ShouldContain("error: PCD_OA_LSOA_MSOA_LAD.csv, line 1, column pcon24cd: the column is missing; an NSPL or ONSPD file has the columns pcds, doterm and pcon24cd (or pcon in editions before 2025).");
    }
}

public sealed class SqlitePostcodeImportCommandLineTests : PostcodeImportCommandLineTests
{
    protected override string Database => $"Data Source={Path.Combine(Folder, "postcodes.db")};Pooling=False";

    protected override DbConnection Connect() => new SqliteConnection(Database);
}

public sealed class PostgresPostcodeImportCommandLineTests : PostcodeImportCommandLineTests
{
    private readonly string name = $"safeguard_test_{Guid.NewGuid():N}";

    protected override string Database => new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = name }.ConnectionString;

    protected override DbConnection Connect() => new NpgsqlConnection(Database);

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
