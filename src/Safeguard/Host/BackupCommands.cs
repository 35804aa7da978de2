using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Platform.Backup;
using Safeguard.Platform.Encryption;

namespace Safeguard.Host;

/// <summary>
/// <c>backup DIR</c> and <c>restore DIR</c>: a consistent snapshot of the whole configured database (every module's
/// tables and the documents stored in them, encrypted fields as their ciphertext) with a manifest, and its return.
/// Progress goes to standard error, the outcome to standard output. A refusal or failure is one message on standard
/// error and exit code 1, having changed nothing; a database that cannot be reached exits 2.
/// </summary>
public static class BackupCommands
{
    /// <summary>Exit code of a refused or failed backup or restore.</summary>
    public const int Refused = 1;

    /// <summary>The two commands; <paramref name="host"/> builds the application for a parse (--database and the rest), with more arguments.</summary>
    public static IEnumerable<Command> Create(Func<ParseResult, string[], WebApplication> host)
    {
        yield return Backup(host);
        yield return Restore(host);
    }

    private static Command Backup(Func<ParseResult, string[], WebApplication> host)
    {
        var folder = new Argument<string>("DIR") { Description = "A new or empty folder for the backup; it is created if missing." };
        var command = new Command("backup", "Write a consistent snapshot of the database (every table, stored documents, encrypted fields still encrypted) and its manifest into DIR. The application may keep running.")
        {
            folder,
        };
        command.SetAction((result, cancellationToken) => ReportingRefusalsAsync(result, () => BackupAsync(result, host, Path.GetFullPath(result.GetValue(folder)!), cancellationToken)));
        return command;
    }

    private static Command Restore(Func<ParseResult, string[], WebApplication> host)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder written by 'safeguard backup'." };
        var replace = new Option<bool>("--replace") { Description = "Replace a database that is not empty (without it, restore refuses and lists what would be lost)." };
        var command = new Command("restore", "Check the backup in DIR (manifest and SHA-256 of every file), restore it into the configured database whole or not at all, then migrate it to this build's schema. Stop Safeguard first.")
        {
            folder,
            replace,
        };
        command.SetAction((result, cancellationToken) => ReportingRefusalsAsync(result, () =>
            RestoreAsync(result, host, Path.GetFullPath(result.GetValue(folder)!), result.GetValue(replace), cancellationToken)));
        return command;
    }

    private static async Task<int> ReportingRefusalsAsync(ParseResult result, Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            await result.Errors().WriteLineAsync($"error: {refused.Message}");
            return Refused;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            await result.Errors().WriteLineAsync($"error: {failure.Message}");
            return Refused;
        }
    }

    private static async Task BackupAsync(ParseResult result, Func<ParseResult, string[], WebApplication> host, string folder, CancellationToken cancellationToken)
    {
        var progress = result.Errors();
        await using var app = Unstarted(result, host);
        var database = app.Services.GetRequiredService<SafeguardDatabase>();
        var created = BackupFolder.PrepareEmpty(folder);
        BackupManifest manifest;
        try
        {
            var snapshot = database.Provider == DatabaseProvider.PostgreSql
                ? await PostgresSnapshot.BackupAsync(database, folder, progress, cancellationToken)
                : await SqliteSnapshot.BackupAsync(database, folder, progress, cancellationToken);
            await progress.WriteLineAsync($"Computing the SHA-256 of {Path.GetFileName(snapshot.File)} ...");
            manifest = new BackupManifest(
                BackupManifest.FormatName,
                BackupManifest.CurrentFormatVersion,
                BackupManifest.EngineName(database.Provider),
                snapshot.EngineVersion,
                BackupManifest.BuildVersion,
                DateTimeOffset.UtcNow,
                snapshot.Migrations,
                snapshot.Tables,
                [await BackupManifest.DescribeAsync(snapshot.File, cancellationToken)]);
            await manifest.WriteAsync(folder, cancellationToken);
            // No unrecorded export: a backup the audit trail cannot record is not kept.
            try
            {
                await AuditAsync(app.Services, AuditAction.Export, string.Create(CultureInfo.InvariantCulture,
                    $"database backup to {folder}: {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows)} rows"), cancellationToken);
            }
            catch (DbException unrecorded)
            {
                throw new BackupRefusedException($"The backup was not kept: the audit trail could not record it ({unrecorded.Message}). Try again when the database is not busy.");
            }
        }
        catch
        {
            RemoveUnfinished(folder, created);
            throw;
        }
        result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Backed up the {database.Describe()} to {folder}: {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows):#,0} rows, {BackupFolder.Size(manifest.Files.Sum(f => f.Bytes))}."));
        var keys = app.Services.GetRequiredService<KeyRingStore>();
        result.Output().WriteLine($"Encrypted fields and documents are in the backup as ciphertext; the keys are not: they are kept separately, in {keys.Describe}. Back that up too, apart from this backup: restoring needs it (docs/backup.md).");
    }

    private static async Task RestoreAsync(ParseResult result, Func<ParseResult, string[], WebApplication> host, string folder, bool replace, CancellationToken cancellationToken)
    {
        var progress = result.Errors();
        await using var app = Unstarted(result, host);
        var database = app.Services.GetRequiredService<SafeguardDatabase>();
        var manifest = await BackupManifest.ReadAsync(folder, database.Provider, cancellationToken);
        KnownMigrations.EnsureKnown(manifest, KnownMigrations.Read(app.Services), folder);
        await manifest.VerifyFilesAsync(folder, progress, cancellationToken);

        IReadOnlyList<TableRowCount> replaced;
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            replaced = await PostgresSnapshot.RestoreAsync(database, folder, manifest, replace, progress, cancellationToken);
            await progress.WriteLineAsync("Migrating the restored database to this build's schema ...");
            try
            {
                await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demonstrationData: false, cancellationToken);
            }
            catch (DatabaseUnavailableException failure)
            {
                throw new BackupRefusedException(
                    $"The backup was restored, but migrating it failed: {failure.Message} The database holds the backup as it was made; run 'safeguard migrate' once the problem is solved.", failure);
            }
        }
        else
        {
            replaced = await SqliteSnapshot.RestoreAsync(database, folder, manifest, replace,
                (connectionString, token) => MigrateAsync(Unstarted(result, host, $"--ConnectionStrings:Default={connectionString}"), token),
                progress, cancellationToken);
        }
        await AuditAsync(app.Services, AuditAction.Import, string.Create(CultureInfo.InvariantCulture,
            $"database restored from {folder}, the backup made {manifest.CreatedUtc:O} by Safeguard {manifest.SafeguardVersion}{(replaced.Count > 0 ? ", replacing the database's previous contents" : "")}"), cancellationToken);
        result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Restored the backup made {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC by Safeguard {manifest.SafeguardVersion} ({manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows):#,0} rows) into the {database.Describe()}, and migrated it."));
        if (replaced.Count > 0)
        {
            result.Output().WriteLine($"It replaced what the database held before: {DatabaseContents.Describe(replaced)}.");
        }
    }

    /// <summary>
    /// A backup is an export of every record, and a restore replaces them all: both go on the audit trail once the
    /// audit module provides one (<see cref="IAuditTrail"/>). After a restore the event is written into the restored
    /// database, continuing the trail the backup holds.
    /// </summary>
    private static async Task AuditAsync(IServiceProvider services, AuditAction action, string detail, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<IAuditTrail>() is { } trail)
        {
            await trail.RecordAsync(new AuditEvent("system", action, "database", null, "command line", detail), cancellationToken);
        }
    }

    private static async Task MigrateAsync(WebApplication unstarted, CancellationToken cancellationToken)
    {
        await using var app = unstarted;
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demonstrationData: false, cancellationToken);
    }

    /// <summary>The application's services without serving, migrating or loading anything: a backup must not change the database.</summary>
    private static WebApplication Unstarted(ParseResult result, Func<ParseResult, string[], WebApplication> host, params string[] more) =>
        host(result, [$"--{SafeguardSettings.DemonstrationData}=false", $"--{SafeguardSettings.MigrateOnStart}=false", "--Logging:LogLevel:Default=Warning", .. more]);

    /// <summary>An interrupted backup leaves no file behind that could pass for a finished one.</summary>
    private static void RemoveUnfinished(string folder, bool created)
    {
        foreach (var name in new[] { SqliteSnapshot.FileName, PostgresSnapshot.FileName, BackupManifest.FileName })
        {
            File.Delete(Path.Combine(folder, name + BackupFolder.PartialSuffix));
            File.Delete(Path.Combine(folder, name));
        }
        if (created && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
