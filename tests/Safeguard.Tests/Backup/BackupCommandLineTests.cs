using System.Text.Json.Nodes;

namespace Safeguard.Tests.Backup;

/// <summary>
/// What <c>backup</c> and <c>restore</c> refuse, run as an administrator runs them: each refusal is one message on standard error
/// naming the folder, file or tables concerned, exit code 1, and nothing changed.
/// </summary>
public sealed class BackupCommandLineTests : IClassFixture<BackupCommandLineTests.MigratedDatabase>, IDisposable
{
    private readonly MigratedDatabase database;
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-backup-cli-");

    public BackupCommandLineTests(MigratedDatabase database) => this.database = database;

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>A migrated SQLite database and one backup of it, shared by the tests; each test copies the backup before changing it.</summary>
    public sealed class MigratedDatabase : IAsyncLifetime
    {
        public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("safeguard-backup-source-");

        public string ConnectionString => $"Data Source={Path.Combine(Folder.FullName, "source.db")}";

        public string Backup => Path.Combine(Folder.FullName, "backup");

        public async ValueTask InitializeAsync()
        {
            (await SafeguardCommand.RunAsync(Folder.FullName, "migrate", "--database", ConnectionString)).ExitCode.ShouldBe(0);
            var backup = await SafeguardCommand.RunAsync(Folder.FullName, "backup", Backup, "--database", ConnectionString);
            backup.ExitCode.ShouldBe(0, backup.Errors);
        }

        public ValueTask DisposeAsync()
        {
            Folder.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private string CopyOfBackup()
    {
        var copy = Path.Combine(folder.FullName, "backup-copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(database.Backup))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    private string FreshDatabase => $"Data Source={Path.Combine(folder.FullName, "restored.db")}";

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) => SafeguardCommand.RunAsync(folder.FullName, arguments);

    [Fact]
    public async Task Backup_IntoNonEmptyFolder_RefusedAndFolderUntouched()
    {
        var target = Path.Combine(folder.FullName, "existing");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "notes.txt"), "keep me", TestContext.Current.CancellationToken);

        var (exitCode, _, errors) = await RunAsync("backup", target, "--database", database.ConnectionString);

        exitCode.ShouldBe(1);
        errors.ShouldContain($"error: {target} is not empty (1 entry)");
        Directory.GetFiles(target).Select(Path.GetFileName).ShouldBe(["notes.txt"]);
    }

    [Fact]
    public async Task Backup_NoDatabaseThere_RefusedWithoutCreatingOne()
    {
        var missing = Path.Combine(folder.FullName, "missing.db");
        var target = Path.Combine(folder.FullName, "backup");

        var (exitCode, _, errors) = await RunAsync("backup", target, "--database", $"Data Source={missing}");

        exitCode.ShouldBe(1);
        errors.ShouldContain($"There is no SQLite database at {missing} to back up");
        File.Exists(missing).ShouldBeFalse();
        Directory.Exists(target).ShouldBeFalse("a backup that failed leaves no folder it created");
    }

    [Fact]
    public async Task Restore_FolderMissing_SaysSoAndExits1()
    {
        var missing = Path.Combine(folder.FullName, "no-such-backup");

        var (exitCode, _, errors) = await RunAsync("restore", missing, "--database", FreshDatabase);

        exitCode.ShouldBe(1);
        errors.ShouldContain($"There is no backup folder {missing}.");
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Restore_FolderWithoutManifest_RefusedAsUnfinished()
    {
        var backup = CopyOfBackup();
        File.Delete(Path.Combine(backup, "manifest.json"));

        var (exitCode, _, errors) = await RunAsync("restore", backup, "--database", FreshDatabase);

        exitCode.ShouldBe(1);
        errors.ShouldContain("has no manifest.json, so it is not a finished Safeguard backup");
        File.Exists(Path.Combine(folder.FullName, "restored.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_TamperedDatabaseFile_RefusedNamingTheFile()
    {
        var backup = CopyOfBackup();
        var file = Path.Combine(backup, "database.sqlite");
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);

        var (exitCode, _, errors) = await RunAsync("restore", backup, "--database", FreshDatabase);

        exitCode.ShouldBe(1);
        errors.ShouldContain($"The backup file {file} does not match its SHA-256 in the manifest");
        File.Exists(Path.Combine(folder.FullName, "restored.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_TruncatedDatabaseFile_RefusedNamingTheFileAndSizes()
    {
        var backup = CopyOfBackup();
        var file = Path.Combine(backup, "database.sqlite");
        await using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - 4096);
        }

        var (exitCode, _, errors) = await RunAsync("restore", backup, "--database", FreshDatabase);

        exitCode.ShouldBe(1);
        errors.ShouldContain($"The backup file {file} is ");
        errors.ShouldContain("but the manifest says");
    }

    [Fact]
    public async Task Restore_IntoNonEmptyDatabase_RefusedListingWhatWouldBeLost_UntilReplaceIsGiven()
    {
        var backup = CopyOfBackup();
        var target = Path.Combine(folder.FullName, "restored.db");
        (await RunAsync("migrate", "--database", FreshDatabase)).ExitCode.ShouldBe(0);
        var before = await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken);

        var (exitCode, _, errors) = await RunAsync("restore", backup, "--database", FreshDatabase);

        exitCode.ShouldBe(1);
        errors.ShouldContain($"The SQLite database {target} is not empty: ");
        errors.ShouldContain("statistics_places (");
        errors.ShouldContain("Give --replace");
        (await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken)).ShouldBe(before);

        var replaced = await RunAsync("restore", backup, "--replace", "--database", FreshDatabase);
        replaced.ExitCode.ShouldBe(0, replaced.Errors);
        replaced.Output.ShouldContain("It replaced what the database held before: ");
    }

    [Fact]
    public async Task Restore_BackupFromANewerSchema_RefusedNamingTheModuleAndMigration()
    {
        var backup = CopyOfBackup();
        var manifestFile = Path.Combine(backup, "manifest.json");
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestFile, TestContext.Current.CancellationToken))!;
        manifest["migrations"]!["__statistics_migrations"]!.AsArray().Add("29991231000000_FromTheFuture");
        manifest["migrations"]!["__archive_migrations"] = new JsonArray("29991231000000_Initial");
        await File.WriteAllTextAsync(manifestFile, manifest.ToJsonString(), TestContext.Current.CancellationToken);

        var (exitCode, _, errors) = await RunAsync("restore", backup, "--database", FreshDatabase);

        exitCode.ShouldBe(1);
        errors.ShouldContain("is from a newer schema than this build of Safeguard");
        errors.ShouldContain("the statistics module's migration 29991231000000_FromTheFuture, which this build does not know");
        errors.ShouldContain("the archive module, which this build does not have");
        File.Exists(Path.Combine(folder.FullName, "restored.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_SqliteBackupIntoPostgreSql_RefusedBeforeConnecting()
    {
        var (exitCode, _, errors) = await RunAsync("restore", database.Backup, "--database", "Host=127.0.0.1;Port=1;Database=safeguard;Username=safeguard;Password=hunter2");

        exitCode.ShouldBe(1);
        errors.ShouldContain("is of a sqlite database, but the configured database is postgresql");
        errors.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task Backup_PostgreSqlServerNotAnswering_Exits2WithoutThePasswordAndLeavesNoFolder()
    {
        var target = Path.Combine(folder.FullName, "backup");

        var (exitCode, _, errors) = await RunAsync("backup", target, "--database", "Host=127.0.0.1;Port=1;Database=safeguard;Username=safeguard;Password=hunter2;Timeout=2");

        exitCode.ShouldBe(2);
        errors.ShouldContain("Could not connect to the PostgreSQL database 'safeguard' on 127.0.0.1:1");
        errors.ShouldNotContain("hunter2");
        errors.ShouldNotContain("   at ");
        Directory.Exists(target).ShouldBeFalse();
    }
}
