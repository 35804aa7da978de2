using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Platform.Backup;

/// <summary>One file of a backup: its name in the backup folder, SHA-256 and size.</summary>
public sealed record BackupFile(string Name, string Sha256, long Bytes);

/// <summary>
/// <c>manifest.json</c>, written last into a backup folder: what the backup is (engine, the Safeguard that made it,
/// when), the migrations each module had applied, the tables and their row counts in the snapshot, and each file
/// with its SHA-256 and size. A folder without it is not a finished backup.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Engine,
    string? EngineVersion,
    string SafeguardVersion,
    DateTimeOffset CreatedUtc,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Migrations,
    IReadOnlyList<TableRowCount> Tables,
    IReadOnlyList<BackupFile> Files)
{
    /// <summary>The manifest's file name in a backup folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>What <see cref="Format"/> says in every Safeguard backup.</summary>
    public const string FormatName = "safeguard-backup";

    /// <summary>The layout this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>A manifest larger than this is not one Safeguard wrote.</summary>
    private const long MaximumBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The engine name written in manifests.</summary>
    public static string EngineName(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? "postgresql" : "sqlite";

    /// <summary>This build's version, as the assembly states it.</summary>
    public static string BuildVersion =>
        typeof(BackupManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BackupManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Writes the manifest under a temporary name, flushes it to disk, then renames it into place.</summary>
    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var final = Path.Combine(folder, FileName);
        var partial = final + BackupFolder.PartialSuffix;
        await using (var stream = BackupFolder.CreatePrivateFile(partial))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }
        File.Move(partial, final);
    }

    /// <summary>
    /// Reads and checks the manifest of <paramref name="folder"/>: that it is a Safeguard backup this build can read,
    /// of the engine configured, naming only plain files.
    /// </summary>
    public static async Task<BackupManifest> ReadAsync(string folder, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new BackupRefusedException($"There is no backup folder {folder}.");
        }
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new BackupRefusedException(
                $"{folder} has no {FileName}, so it is not a finished Safeguard backup (the manifest is written last; a backup that was interrupted has none). Nothing was restored.");
        }
        if (new FileInfo(path).Length > MaximumBytes)
        {
            throw Damaged(path, "it is far larger than any manifest Safeguard writes");
        }
        BackupManifest? manifest;
        try
        {
            await using var stream = File.OpenRead(path);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken);
        }
        catch (JsonException invalid)
        {
            throw Damaged(path, $"it is not valid JSON ({invalid.Message})");
        }
        if (manifest is null || manifest.Format != FormatName || manifest.Files is null || manifest.Migrations is null || manifest.Tables is null || manifest.Engine is null)
        {
            throw Damaged(path, $"it is not a Safeguard backup manifest (\"format\": \"{FormatName}\" with engine, migrations, tables and files)");
        }
        if (manifest.FormatVersion > CurrentFormatVersion)
        {
            throw new BackupRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"The backup in {folder} was made by a newer Safeguard ({manifest.SafeguardVersion}, backup format {manifest.FormatVersion}); this build reads format {CurrentFormatVersion}. Restore it with that version or a later one."));
        }
        if (manifest.Engine != EngineName(provider))
        {
            throw new BackupRefusedException(
                $"The backup in {folder} is of a {manifest.Engine} database, but the configured database is {EngineName(provider)}. Restore it into a {manifest.Engine} database (--database).");
        }
        foreach (var file in manifest.Files)
        {
            if (file.Name is null || file.Name.Length == 0 || Path.GetFileName(file.Name) != file.Name || file.Name is "." or ".." || file.Name == FileName
                || file.Sha256 is null || file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower) || file.Bytes < 0)
            {
                throw Damaged(path, "it lists a file that is not a plain file name with a SHA-256 and a size");
            }
        }
        return manifest;
    }

    /// <summary>
    /// Checks every file against its size and SHA-256 before anything is restored; a file missing, of another size or
    /// with other contents is named.
    /// </summary>
    public async Task VerifyFilesAsync(string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file.Name);
            if (!File.Exists(path))
            {
                throw new BackupRefusedException($"The backup file {path} is missing. The backup is incomplete; nothing was restored.");
            }
            var bytes = new FileInfo(path).Length;
            if (bytes != file.Bytes)
            {
                throw new BackupRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"The backup file {path} is {bytes:#,0} bytes but the manifest says {file.Bytes:#,0}: it is damaged or has been changed. Nothing was restored; use another backup."));
            }
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Checking {file.Name} ({BackupFolder.Size(bytes)}) against its SHA-256 ..."));
            var actual = await Sha256Async(path, cancellationToken);
            if (actual != file.Sha256)
            {
                throw new BackupRefusedException(
                    $"The backup file {path} does not match its SHA-256 in the manifest: it is damaged or has been changed. Nothing was restored; use another backup.");
            }
        }
    }

    /// <summary>The manifest entry for a finished file.</summary>
    public static async Task<BackupFile> DescribeAsync(string path, CancellationToken cancellationToken) =>
        new(Path.GetFileName(path), await Sha256Async(path, cancellationToken), new FileInfo(path).Length);

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static BackupRefusedException Damaged(string path, string why) =>
        new($"The backup manifest {path} cannot be used: {why}. Nothing was restored; use another backup.");
}
