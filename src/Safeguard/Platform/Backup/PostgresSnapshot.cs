using System.Globalization;
using Npgsql;

namespace Safeguard.Platform.Backup;

/// <summary>
/// Backup and restore of a PostgreSQL database with <c>pg_dump --format=custom</c> and <c>pg_restore</c>.
/// <para>
/// pg_dump reads in one MVCC snapshot, so the dump is consistent while the application writes. Safeguard exports that
/// snapshot from its own transaction (<c>pg_export_snapshot</c>) and hands it to pg_dump, so the migrations and row
/// counts written in the manifest describe exactly the rows in the dump.
/// </para>
/// <para>
/// pg_restore runs as one transaction that stops at the first error (<c>--single-transaction --exit-on-error</c>):
/// it restores everything or nothing. Objects are owned by the configured account, not by the roles of the server the
/// backup came from (<c>--no-owner --no-acl</c>).
/// </para>
/// </summary>
public static class PostgresSnapshot
{
    /// <summary>The dump's file name in a backup folder.</summary>
    public const string FileName = "database.pgdump";

    /// <summary>Writes a consistent dump of the configured database into <paramref name="folder"/>.</summary>
    public static async Task<Snapshot> BackupAsync(SafeguardDatabase database, string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        var final = Path.Combine(folder, FileName);
        var partial = final + BackupFolder.PartialSuffix;
        await using var connection = await OpenAsync(database, cancellationToken);
        var tools = await PostgresTools.FindAsync(connection.PostgreSqlVersion.Major, connection.ServerVersion, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }
        string snapshotId;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }
        await progress.WriteLineAsync($"Counting rows in the snapshot of the {database.Describe()} ...");
        var migrations = await DatabaseContents.AppliedMigrationsAsync(connection, DatabaseProvider.PostgreSql, cancellationToken);
        var tables = await DatabaseContents.RowCountsAsync(connection, DatabaseProvider.PostgreSql, cancellationToken);

        await progress.WriteLineAsync($"Writing the snapshot with pg_dump {tools.Version} ({tools.Folder}) ...");
        // Created first, owner only, so pg_dump writes into a file no one else can read.
        await using (BackupFolder.CreatePrivateFile(partial))
        {
        }
        await tools.RunAsync("pg_dump", database.ConnectionString,
            ["--format=custom", $"--snapshot={snapshotId}", $"--file={partial}", "--no-password"],
            $"The backup of the {database.Describe()} failed.", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        BackupFolder.FlushToDisk(partial);
        File.Move(partial, final);
        return new Snapshot(final, connection.ServerVersion, migrations, tables);
    }

    /// <summary>
    /// Restores the dump into the configured database in one transaction, after checking that it may: the database
    /// holds no tables, or <paramref name="replace"/> is given and the backup holds every table it has (a table only in
    /// the target would survive the restore and mix old rows with restored ones).
    /// </summary>
    public static async Task<IReadOnlyList<TableRowCount>> RestoreAsync(
        SafeguardDatabase database, string folder, BackupManifest manifest, bool replace, TextWriter progress, CancellationToken cancellationToken)
    {
        var dump = Path.Combine(folder, manifest.Files.SingleOrDefault(f => f.Name == FileName)?.Name
            ?? throw new BackupRefusedException($"The backup in {folder} lists no {FileName}; it is not a PostgreSQL backup Safeguard wrote."));
        IReadOnlyList<TableRowCount> existing;
        PostgresTools tools;
        await using (var connection = await OpenAsync(database, cancellationToken))
        {
            tools = await PostgresTools.FindAsync(connection.PostgreSqlVersion.Major, connection.ServerVersion, cancellationToken);
            existing = await DatabaseContents.RowCountsAsync(connection, DatabaseProvider.PostgreSql, cancellationToken);
        }
        if (existing.Count > 0 && !replace)
        {
            throw new BackupRefusedException(
                $"The {database.Describe()} is not empty: {DatabaseContents.Describe(existing)}. Restoring would replace all of it. Give --replace to do so, or restore into an empty database (--database).");
        }
        var inBackup = manifest.Tables.Select(t => t.Table).ToHashSet(StringComparer.Ordinal);
        var onlyInTarget = existing.Where(t => !inBackup.Contains(t.Table)).ToList();
        if (onlyInTarget.Count > 0)
        {
            throw new BackupRefusedException(
                $"The {database.Describe()} has tables the backup does not: {DatabaseContents.Describe(onlyInTarget)}. They would survive the restore and mix with the restored data, so nothing was restored. Restore into an empty database (--database), or drop those tables first.");
        }

        await progress.WriteLineAsync($"Restoring with pg_restore {tools.Version} in one transaction{(existing.Count > 0 ? ", replacing the existing tables" : "")} ...");
        List<string> arguments = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-acl", "--no-password"];
        if (existing.Count > 0)
        {
            arguments.AddRange(["--clean", "--if-exists"]);
        }
        arguments.Add(dump);
        await tools.RunAsync("pg_restore", database.ConnectionString, arguments,
            $"The restore into the {database.Describe()} failed and was rolled back: the database is as it was.", cancellationToken);

        await using (var connection = await OpenAsync(database, cancellationToken))
        {
            var restored = await DatabaseContents.RowCountsAsync(connection, DatabaseProvider.PostgreSql, cancellationToken);
            if (!restored.SequenceEqual(manifest.Tables))
            {
                throw new BackupRefusedException(
                    $"The {database.Describe()} was restored, but its tables and rows differ from the backup's manifest ({DatabaseContents.Describe(restored)}). Do not use it; restore again into an empty database.");
            }
        }
        return existing;
    }

    private static async Task<NpgsqlConnection> OpenAsync(SafeguardDatabase database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception failure) when (failure is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"Could not connect to the {database.Describe()}: {failure.Message.TrimEnd('.')}. Check --database (or ConnectionStrings__Default) and that the server is running; a database to restore into must exist (CREATE DATABASE)."),
                failure);
        }
    }
}
