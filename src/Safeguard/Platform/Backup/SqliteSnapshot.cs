using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Safeguard.Platform.Backup;

/// <summary>What a snapshot held when it was taken, for the manifest.</summary>
public sealed record Snapshot(
    string File, string? EngineVersion, IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations, IReadOnlyList<TableRowCount> Tables);

/// <summary>
/// Backup and restore of the embedded SQLite database.
/// <para>
/// The backup is taken with <c>VACUUM INTO</c>, not a file copy (a copy of a live WAL database can miss committed
/// pages still in the <c>-wal</c> file, or catch a page half-written) and not the online backup API. <c>VACUUM INTO</c>
/// reads the whole database inside one read transaction, so the copy is one consistent snapshot even while the
/// application writes (in WAL mode readers do not block writers, nor writers readers); and it rebuilds the file, so
/// the free pages of the live file, which can still hold remnants of deleted records, are not carried into the
/// backup. The backup API (<c>SqliteConnection.BackupDatabase</c>) copies pages as they are, free ones included.
/// </para>
/// <para>
/// A restore never writes into the live file: the backup is copied to a temporary file beside it, checked, migrated,
/// and only then renamed over the database (a rename is atomic), so a failure at any step leaves the database as it was.
/// </para>
/// </summary>
public static class SqliteSnapshot
{
    /// <summary>The database file's name in a backup folder.</summary>
    public const string FileName = "database.sqlite";

    /// <summary>Writes a consistent snapshot of the configured database into <paramref name="folder"/>.</summary>
    public static async Task<Snapshot> BackupAsync(SafeguardDatabase database, string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        var source = DatabaseFile(database);
        if (!File.Exists(source))
        {
            throw new BackupRefusedException($"There is no SQLite database at {source} to back up. Check --database (or SAFEGUARD_DATA_DIR).");
        }
        var final = Path.Combine(folder, FileName);
        var partial = final + BackupFolder.PartialSuffix;
        await progress.WriteLineAsync($"Writing a snapshot of the SQLite database {source} (VACUUM INTO) ...");
        // Created first, empty and owner only, so VACUUM INTO (which may write into an empty file) makes no file others can read.
        await using (BackupFolder.CreatePrivateFile(partial))
        {
        }
        try
        {
            await using var connection = new SqliteConnection(With(database.ConnectionString, source, SqliteOpenMode.ReadWrite));
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", partial);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException failure)
        {
            File.Delete(partial);
            throw new BackupRefusedException($"SQLite could not write a snapshot of {source} to {partial}: {failure.Message}", failure);
        }
        await progress.WriteLineAsync("Checking the snapshot (PRAGMA integrity_check) and counting its rows ...");
        Snapshot snapshot;
        await using (var copy = new SqliteConnection(With(database.ConnectionString, partial, SqliteOpenMode.ReadOnly)))
        {
            await copy.OpenAsync(cancellationToken);
            await CheckIntegrityAsync(copy, partial, cancellationToken);
            snapshot = new Snapshot(final, SqliteVersion(copy),
                await DatabaseContents.AppliedMigrationsAsync(copy, DatabaseProvider.Sqlite, cancellationToken),
                await DatabaseContents.RowCountsAsync(copy, DatabaseProvider.Sqlite, cancellationToken));
        }
        BackupFolder.FlushToDisk(partial);
        File.Move(partial, final);
        return snapshot;
    }

    /// <summary>
    /// Replaces the configured database with the backup's, after checking that it may: the target is empty or
    /// <paramref name="replace"/> is given, and no one else has it open. <paramref name="migrate"/> upgrades the
    /// restored copy (given its connection string) before it takes the database's place.
    /// </summary>
    public static async Task<IReadOnlyList<TableRowCount>> RestoreAsync(
        SafeguardDatabase database, string folder, BackupManifest manifest, bool replace,
        Func<string, CancellationToken, Task> migrate, TextWriter progress, CancellationToken cancellationToken)
    {
        var target = DatabaseFile(database);
        var backup = Path.Combine(folder, manifest.Files.SingleOrDefault(f => f.Name == FileName)?.Name
            ?? throw new BackupRefusedException($"The backup in {folder} lists no {FileName}; it is not a SQLite backup Safeguard wrote."));

        var existing = await ExistingContentsAsync(database, target, cancellationToken);
        if (existing.Count > 0 && !replace)
        {
            throw new BackupRefusedException(
                $"The SQLite database {target} is not empty: {DatabaseContents.Describe(existing)}. Restoring would replace all of it. Give --replace to do so, or restore into an empty database (--database).");
        }

        var targetFolder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(targetFolder);
        // Held from here to the swap, so no Safeguard starts on the old database meanwhile.
        await using var current = await HoldExclusivelyAsync(database, target, cancellationToken);
        var temporary = Path.Combine(targetFolder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(target)}.restoring-{Guid.NewGuid():N}"));
        try
        {
            await progress.WriteLineAsync($"Copying the backup to {temporary} ...");
            await CopyCheckingAsync(backup, temporary, manifest.Files.Single(f => f.Name == FileName).Sha256, cancellationToken);
            var temporaryConnection = With(database.ConnectionString, temporary, SqliteOpenMode.ReadWrite);
            await using (var restored = new SqliteConnection(temporaryConnection))
            {
                await restored.OpenAsync(cancellationToken);
                await CheckIntegrityAsync(restored, backup, cancellationToken);
                await CheckRowCountsAsync(restored, manifest, backup, cancellationToken);
                // The application's databases are in WAL mode, as EF Core creates them; VACUUM INTO writes a rollback-journal one.
                await ExecuteAsync(restored, "PRAGMA journal_mode = WAL", cancellationToken);
            }
            await progress.WriteLineAsync("Migrating the restored copy to this build's schema ...");
            await migrate(temporaryConnection, cancellationToken);
            SqliteConnection.ClearAllPools();
            if (File.Exists(temporary + "-wal") && new FileInfo(temporary + "-wal").Length > 0)
            {
                throw new BackupRefusedException($"The restored copy {temporary} is still open elsewhere; nothing was replaced.");
            }
            BackupFolder.FlushToDisk(temporary);
            await progress.WriteLineAsync($"Replacing {target} with the restored copy ...");
            DeleteCompanions(target);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal" })
            {
                File.Delete(leftover);
            }
        }
        return existing;
    }

    /// <summary>
    /// Makes sure no one else has the database open, and keeps it so until the restored file has taken its place. The
    /// database is taken out of WAL mode, which SQLite allows only when no other connection has it open (so a running
    /// Safeguard is detected and nothing is replaced), and held under an exclusive lock. Null when there is no
    /// database yet.
    /// </summary>
    private static async Task<SqliteConnection?> HoldExclusivelyAsync(SafeguardDatabase database, string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(target))
        {
            return null;
        }
        var current = new SqliteConnection(With(database.ConnectionString, target, SqliteOpenMode.ReadWrite) + ";Default Timeout=3");
        try
        {
            await current.OpenAsync(cancellationToken);
            var mode = await ScalarAsync(current, "PRAGMA journal_mode = DELETE", cancellationToken);
            if (!string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase))
            {
                throw new SqliteException("the journal mode could not be changed", 5);
            }
            await ExecuteAsync(current, "BEGIN EXCLUSIVE", cancellationToken);
            return current;
        }
        catch (SqliteException busy) when (busy.SqliteErrorCode is 5 or 6)
        {
            await current.DisposeAsync();
            throw new BackupRefusedException(
                $"The SQLite database {target} is in use (is Safeguard running?). Stop every Safeguard process using it, then restore again. Nothing was changed.", busy);
        }
        catch
        {
            await current.DisposeAsync();
            throw;
        }
    }

    /// <summary>Journal files of a database that is no longer there would be applied to the restored one; remove them.</summary>
    private static void DeleteCompanions(string target)
    {
        foreach (var companion in new[] { target + "-wal", target + "-shm", target + "-journal" })
        {
            File.Delete(companion);
        }
    }

    private static async Task<IReadOnlyList<TableRowCount>> ExistingContentsAsync(SafeguardDatabase database, string target, CancellationToken cancellationToken)
    {
        if (!File.Exists(target) || new FileInfo(target).Length == 0)
        {
            return [];
        }
        try
        {
            await using var connection = new SqliteConnection(With(database.ConnectionString, target, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(cancellationToken);
            return await DatabaseContents.RowCountsAsync(connection, DatabaseProvider.Sqlite, cancellationToken);
        }
        catch (SqliteException failure)
        {
            throw new BackupRefusedException(
                $"The SQLite database {target} cannot be read ({failure.Message}), so what restoring would replace cannot be shown. Move it aside, then restore again.", failure);
        }
    }

    /// <summary>Copies the backup while hashing it, so the bytes restored are the bytes that were checked.</summary>
    private static async Task CopyCheckingAsync(string source, string destination, string sha256, CancellationToken cancellationToken)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true))
        await using (var output = BackupFolder.CreatePrivateFile(destination))
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await output.FlushAsync(cancellationToken);
        }
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
        {
            throw new BackupRefusedException($"The backup file {source} changed while it was being restored; nothing was replaced.");
        }
    }

    private static async Task CheckIntegrityAsync(SqliteConnection connection, string file, CancellationToken cancellationToken)
    {
        var result = await ScalarAsync(connection, "PRAGMA integrity_check", cancellationToken);
        if (result != "ok")
        {
            throw new BackupRefusedException($"SQLite finds {file} damaged (integrity_check: {result}). Nothing was restored; use another backup.");
        }
    }

    private static async Task CheckRowCountsAsync(SqliteConnection connection, BackupManifest manifest, string file, CancellationToken cancellationToken)
    {
        var counts = await DatabaseContents.RowCountsAsync(connection, DatabaseProvider.Sqlite, cancellationToken);
        if (!counts.SequenceEqual(manifest.Tables))
        {
            throw new BackupRefusedException($"{file} does not hold the tables and rows its manifest lists. Nothing was restored; use another backup.");
        }
    }

    /// <summary>The database file a SQLite connection string names; an in-memory database has none to back up.</summary>
    private static string DatabaseFile(SafeguardDatabase database)
    {
        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new BackupRefusedException("The configured SQLite database is in memory; there is no file to back up or restore.");
        }
        return Path.GetFullPath(builder.DataSource);
    }

    private static string With(string connectionString, string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder(connectionString) { DataSource = file, Mode = mode, Pooling = false }.ConnectionString;

    private static string SqliteVersion(SqliteConnection connection) => connection.ServerVersion;

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
