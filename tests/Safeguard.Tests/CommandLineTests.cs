using System.Diagnostics;

namespace Safeguard.Tests;

/// <summary>The <c>safeguard</c> command run as a person runs it: a process of its own, reading its output.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Safeguard.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var dataFolder = Directory.CreateTempSubdirectory("safeguard-cli-");
        start.Environment["SAFEGUARD_DATA_DIR"] = dataFolder.FullName;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await errors);
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
