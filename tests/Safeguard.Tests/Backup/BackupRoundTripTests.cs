using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Platform;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Backup;

/// <summary>
/// Backup then restore reproduces every record, on each engine: a database with the demonstration data, imported
/// figures and stored documents is backed up by the command, restored by the command into a fresh database, and
/// every table of the two is compared row by row.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupRoundTripTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-backup-");

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>
    /// The audit trail's own record of the backup (in the source, after the snapshot) and of the restore (in the
    /// restored database) are the one expected difference: each is checked, then left out of the comparison.
    /// </summary>
    private static void LeaveOutBackupAndRestoreEvents(SortedDictionary<string, List<string>> restored, SortedDictionary<string, List<string>> source)
    {
        const string Database = "RecordType=String:database";
        source["audit_entries"].Count(r => r.Contains(Database, StringComparison.Ordinal) && r.Contains("Action=String:export", StringComparison.Ordinal)).ShouldBe(1, "the backup is recorded");
        restored["audit_entries"][^1].ShouldContain("Action=String:import | RecordType=String:database", Case.Sensitive, "the restore is recorded last");
        source["audit_entries"].RemoveAll(r => r.Contains(Database, StringComparison.Ordinal));
        restored["audit_entries"].RemoveAll(r => r.Contains(Database, StringComparison.Ordinal));
    }

    private static void ShouldHoldTheSameRecords(SortedDictionary<string, List<string>> restored, SortedDictionary<string, List<string>> source)
    {
        LeaveOutBackupAndRestoreEvents(restored, source);
        restored.Keys.ShouldBe(source.Keys, "the same tables");
        foreach (var (table, rows) in source)
        {
            restored[table].ShouldBe(rows, $"table {table}");
        }
        source["statistics_observations"].Count.ShouldBeGreaterThan(20, "the demonstration release and the import are in the source");
        source["statistics_releases"].ShouldContain(row => row.Contains("String:2024-h2", StringComparison.Ordinal), "the imported draft is in the source");
        source["statistics_source_files"].ShouldContain(row => row.Contains(Convert.ToHexString(BackupSampleData.EveryByte), StringComparison.Ordinal));
    }

    [Fact]
    public async Task BackupThenRestore_Sqlite_ReproducesEveryRecordInAFreshDatabase()
    {
        var source = $"Data Source={Path.Combine(folder.FullName, "source.db")}";
        var restored = $"Data Source={Path.Combine(folder.FullName, "fresh", "restored.db")}";
        await BackupSampleData.LoadAsync(DatabaseProvider.Sqlite, source, folder.FullName);
        var backupFolder = Path.Combine(folder.FullName, "backup");

        var backup = await SafeguardCommand.RunAsync(folder.FullName, "backup", backupFolder, "--database", source);
        backup.ExitCode.ShouldBe(0, backup.Errors);
        backup.Output.ShouldContain($"Backed up the SQLite database {Path.Combine(folder.FullName, "source.db")} to {backupFolder}");
        Directory.GetFiles(backupFolder).Select(Path.GetFileName).Order().ShouldBe(["database.sqlite", "manifest.json"]);
        File.GetUnixFileMode(Path.Combine(backupFolder, "database.sqlite")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "the snapshot holds encrypted health data and its owner alone reads it");

        var restore = await SafeguardCommand.RunAsync(folder.FullName, "restore", backupFolder, "--database", restored);
        restore.ExitCode.ShouldBe(0, restore.Errors);
        restore.Output.ShouldContain("Restored the backup made");
        restore.Errors.ShouldContain("Checking database.sqlite");

        Directory.GetFiles(Path.Combine(folder.FullName, "fresh")).Select(Path.GetFileName).ShouldBe(["restored.db"], "no temporary file is left behind");
        ShouldHoldTheSameRecords(await DatabaseDump.ReadAsync(DatabaseProvider.Sqlite, restored), await DatabaseDump.ReadAsync(DatabaseProvider.Sqlite, source));
    }

    [Fact]
    public async Task Backup_SqliteWhileAWriterHoldsAnOpenTransaction_TakesTheLastCommittedStateWithoutWaiting()
    {
        var sourceFile = Path.Combine(folder.FullName, "source.db");
        var source = $"Data Source={sourceFile}";
        (await SafeguardCommand.RunAsync(folder.FullName, "migrate", "--database", source)).ExitCode.ShouldBe(0);
        var before = await DatabaseDump.ReadAsync(DatabaseProvider.Sqlite, source);

        await using var writer = new SqliteConnection($"{source};Pooling=False");
        await writer.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await writer.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var insert = writer.CreateCommand())
        {
            insert.Transaction = (SqliteTransaction)transaction;
            insert.CommandText = """INSERT INTO statistics_themes ("Slug", "Title", "Summary", "LegalSource", "DisplayOrder") VALUES ('uncommitted', 'Not yet committed', '', '', 99)""";
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var backupFolder = Path.Combine(folder.FullName, "backup");
        // The snapshot does not wait for the writer; recording the backup on the audit trail does, so the writer
        // commits once the snapshot is written.
        var backup = SafeguardCommand.RunAsync(folder.FullName, "backup", backupFolder, "--database", source);
        while (!File.Exists(Path.Combine(backupFolder, "manifest.json")) && !backup.IsCompleted)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        await transaction.CommitAsync(TestContext.Current.CancellationToken);
        (await backup).ExitCode.ShouldBe(0, (await backup).Errors);

        var restored = $"Data Source={Path.Combine(folder.FullName, "restored.db")}";
        (await SafeguardCommand.RunAsync(folder.FullName, "restore", backupFolder, "--database", restored)).ExitCode.ShouldBe(0);
        ShouldBeEqual(await DatabaseDump.ReadAsync(DatabaseProvider.Sqlite, restored), before);
    }

    private static void ShouldBeEqual(SortedDictionary<string, List<string>> actual, SortedDictionary<string, List<string>> expected)
    {
        actual["audit_entries"][^1].ShouldContain("Action=String:import | RecordType=String:database", Case.Sensitive, "the restore is recorded last");
        actual["audit_entries"].RemoveAt(actual["audit_entries"].Count - 1);
        actual.Keys.ShouldBe(expected.Keys);
        foreach (var (table, rows) in expected)
        {
            actual[table].ShouldBe(rows, $"table {table}");
        }
    }

    [Fact]
    public async Task BackupThenRestore_PostgreSql_ReproducesEveryRecordInAFreshDatabase_AndReplacesOnlyWhenAsked()
    {
        var server = PostgresPortalFactory.Server;
        var names = new[] { $"safeguard_backup_source_{Guid.NewGuid():N}", $"safeguard_backup_fresh_{Guid.NewGuid():N}" };
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var name in names)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        try
        {
            var source = new NpgsqlConnectionStringBuilder(server) { Database = names[0] }.ConnectionString;
            var fresh = new NpgsqlConnectionStringBuilder(server) { Database = names[1] }.ConnectionString;
            await BackupSampleData.LoadAsync(DatabaseProvider.PostgreSql, source, folder.FullName);
            NpgsqlConnection.ClearAllPools();
            var backupFolder = Path.Combine(folder.FullName, "backup");

            var backup = await SafeguardCommand.RunAsync(folder.FullName, "backup", backupFolder, "--database", source);
            backup.ExitCode.ShouldBe(0, backup.Errors);
            backup.Errors.ShouldContain("Writing the snapshot with pg_dump");
            Directory.GetFiles(backupFolder).Select(Path.GetFileName).Order().ShouldBe(["database.pgdump", "manifest.json"]);
            File.GetUnixFileMode(Path.Combine(backupFolder, "database.pgdump")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

            var restore = await SafeguardCommand.RunAsync(folder.FullName, "restore", backupFolder, "--database", fresh);
            restore.ExitCode.ShouldBe(0, restore.Errors);
            ShouldHoldTheSameRecords(await DatabaseDump.ReadAsync(DatabaseProvider.PostgreSql, fresh), await DatabaseDump.ReadAsync(DatabaseProvider.PostgreSql, source));

            var again = await SafeguardCommand.RunAsync(folder.FullName, "restore", backupFolder, "--database", fresh);
            again.ExitCode.ShouldBe(1);
            again.Errors.ShouldContain($"The PostgreSQL database '{names[1]}'");
            again.Errors.ShouldContain("is not empty");
            again.Errors.ShouldContain("statistics_observations (");
            again.Errors.ShouldContain("Give --replace");

            var replaced = await SafeguardCommand.RunAsync(folder.FullName, "restore", backupFolder, "--replace", "--database", fresh);
            replaced.ExitCode.ShouldBe(0, replaced.Errors);
            replaced.Output.ShouldContain("It replaced what the database held before");
            ShouldHoldTheSameRecords(await DatabaseDump.ReadAsync(DatabaseProvider.PostgreSql, fresh), await DatabaseDump.ReadAsync(DatabaseProvider.PostgreSql, source));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var name in names)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
        }
    }
}
