using Npgsql;
using Safeguard.Tests.Backup;
using Safeguard.Tests.Http;

namespace Safeguard.Tests;

/// <summary>The <c>safeguard</c> command run as a person runs it: a process of its own, reading its output.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var dataFolder = Directory.CreateTempSubdirectory("safeguard-cli-");
        try
        {
            return await SafeguardProcess.RunAsync(dataFolder.FullName, arguments);
        }
        finally
        {
            dataFolder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_UnopenableSqliteFile_SaysWhichDatabaseAndExits2WithoutStackTrace()
    {
        var (exitCode, _, errors) = await RunAsync("migrate", "--database", "Data Source=/proc/no-such-folder/safeguard.db");
        exitCode.ShouldBe(2);
        errors.ShouldContain("Safeguard cannot start: Could not prepare the SQLite database /proc/no-such-folder/safeguard.db");
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Migrate_MalformedConnectionString_NamesTheProblemButNotThePassword()
    {
        var (exitCode, _, errors) = await RunAsync("migrate", "--database", "Host=localhost;Password=hunter2;Colour=blue");
        exitCode.ShouldBe(2);
        errors.ShouldContain("connection string (--database or ConnectionStrings__Default) is not valid");
        errors.ShouldNotContain("hunter2");
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Serve_PublicBaseUrlWithoutScheme_SaysWhichSettingAndExits2WithoutStackTrace()
    {
        var (exitCode, _, errors) = await RunAsync("serve", "--Safeguard:PublicBaseUrl=statistics.example.org", "--urls", "http://127.0.0.1:0");
        exitCode.ShouldBe(2);
        errors.ShouldContain("Safeguard cannot start: Safeguard:PublicBaseUrl is 'statistics.example.org', which is not the site's public address");
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Migrate_FreshDataFolder_CreatesTheDatabaseAndSaysWhere()
    {
        var (exitCode, output, _) = await RunAsync("migrate");
        exitCode.ShouldBe(0);
        output.ShouldContain("Migrated the SQLite database");
    }

    [Fact]
    public async Task Migrate_FreshPostgreSqlDatabase_ReportsNoFailure_FirstTimeOrAfter()
    {
        var name = $"safeguard_cli_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        try
        {
            var database = new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = name }.ConnectionString;
            foreach (var time in new[] { "first", "second" })
            {
                var (exitCode, output, errors) = await RunAsync("migrate", "--database", database);
                exitCode.ShouldBe(0, errors);
                output.ShouldContain($"Migrated the PostgreSQL database '{name}'");
                // EF Core logs its read of a history table not made yet as a failed command: the tables are made first.
                (output + errors).ShouldNotContain("fail:", Case.Sensitive, $"migrating the {time} time");
                (output + errors).ShouldNotContain("Failed executing", Case.Sensitive, $"migrating the {time} time");
            }
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task GlobalOptionsBeforeTheCommand_RunThatCommand_NotTheServer()
    {
        var dataFolder = Directory.CreateTempSubdirectory("safeguard-cli-db-");
        try
        {
            var (exitCode, output, _) = await RunAsync("--database", $"Data Source={Path.Combine(dataFolder.FullName, "other.db")}", "migrate");
            exitCode.ShouldBe(0);
            output.ShouldContain($"Migrated the SQLite database {Path.Combine(dataFolder.FullName, "other.db")}");
        }
        finally
        {
            dataFolder.Delete(recursive: true);
        }
    }
}
