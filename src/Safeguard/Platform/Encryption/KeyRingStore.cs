using Safeguard.Platform.Backup;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// Where the key ring comes from and the ring in force. Either the key file (<c>Safeguard:Encryption:KeyFile</c>,
/// default <c>keys/encryption-keys.json</c> in the data folder) or the environment (<c>Safeguard:Encryption:KeyRing</c>
/// holding the same JSON, for containers), never both.
/// <para>
/// The file is re-read when a value names a key the ring does not hold (another node rotated) and, at most every
/// <see cref="RefreshInterval"/>, when the file has changed, so every node sharing the file encrypts with the new
/// current key soon after a rotation, without a restart.
/// </para>
/// <para>
/// A missing key file is created only where nothing can be stranded by it: no key file or key ring configured, and the
/// embedded SQLite database (one machine, <c>./safeguard serve</c>). A configured key file that is missing, or a
/// PostgreSQL database without a key ring, stops start-up instead: there a new key would silently leave the data that
/// the lost one encrypted unreadable, or give each web node a key of its own. <c>./safeguard keys init</c> creates one
/// deliberately.
/// </para>
/// </summary>
internal sealed partial class KeyRingStore
{
    /// <summary>How often a node looks at the key file's time stamp for a rotation made elsewhere.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>The least time between two re-reads for a value naming an unknown key (a run of damaged values must not hammer the disk).</summary>
    private static readonly TimeSpan UnknownKeyRereadInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly IConfiguration configuration;
    private readonly SafeguardDatabase database;
    private readonly TimeProvider time;
    private readonly ILogger<KeyRingStore> logger;
    private KeyRing? ring;
    private DateTime fileWrittenUtc;
    private DateTimeOffset lastLookedAtFile;
    private DateTimeOffset lastUnknownKeyReread;

    public KeyRingStore(IConfiguration configuration, SafeguardDatabase database, TimeProvider time, ILogger<KeyRingStore> logger)
    {
        this.configuration = configuration;
        this.database = database;
        this.time = time;
        this.logger = logger;
        var configuredFile = configuration[SafeguardSettings.EncryptionKeyFile];
        FromEnvironment = !string.IsNullOrWhiteSpace(configuration[SafeguardSettings.EncryptionKeyRing]);
        if (FromEnvironment && !string.IsNullOrWhiteSpace(configuredFile))
        {
            throw new KeyRingUnavailableException(
                $"Both {SafeguardSettings.EncryptionKeyFile} and {SafeguardSettings.EncryptionKeyRing} are set; set only one, so that there is no doubt which keys Safeguard uses.");
        }
        FileConfigured = !string.IsNullOrWhiteSpace(configuredFile);
        FilePath = FileConfigured ? Path.GetFullPath(configuredFile!) : DefaultFile(configuration);
        Describe = FromEnvironment
            ? $"{SafeguardSettings.EncryptionKeyRing} (environment)"
            : $"the key file {FilePath}";
    }

    /// <summary>The key file's path (also when the ring comes from the environment: where a key file would be).</summary>
    public string FilePath { get; }

    /// <summary>Whether the ring comes from <c>Safeguard:Encryption:KeyRing</c>, which Safeguard cannot change.</summary>
    public bool FromEnvironment { get; }

    /// <summary>Where the ring comes from, for messages: "the key file /srv/keys.json".</summary>
    public string Describe { get; }

    private bool FileConfigured { get; }

    /// <summary>The default key file: <c>keys/encryption-keys.json</c> in the data folder.</summary>
    public static string DefaultFile(IConfiguration configuration) =>
        Path.Combine(SafeguardDatabase.DataDirectory(configuration), "keys", "encryption-keys.json");

    /// <summary>The ring in force, loaded on first use (and then refreshed if the key file changed).</summary>
    public KeyRing Ring
    {
        get
        {
            var loaded = ring;
            if (loaded is null || (!FromEnvironment && time.GetUtcNow() - lastLookedAtFile >= RefreshInterval))
            {
                lock (gate)
                {
                    loaded = ring is null ? Load() : RefreshIfChanged();
                }
            }
            return loaded;
        }
    }

    /// <summary>A key by id; an id the ring lacks makes a file-based ring re-read once, in case another node rotated.</summary>
    public EncryptionKey? Find(string id)
    {
        if (Ring.Find(id) is { } key)
        {
            return key;
        }
        if (FromEnvironment)
        {
            return null;
        }
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (ring!.Find(id) is null && now - lastUnknownKeyReread >= UnknownKeyRereadInterval)
            {
                lastUnknownKeyReread = now;
                Reread();
            }
            return ring!.Find(id);
        }
    }

    /// <summary>
    /// Changes the key file under an exclusive lock (so two rotations at once cannot lose a key) and returns the new
    /// ring; the file is replaced whole by a rename, so another node reads the old file or the new, never half of one.
    /// </summary>
    public KeyRing Change(Func<KeyRing, KeyRing> change)
    {
        if (FromEnvironment)
        {
            throw new KeyRingUnavailableException(
                $"The key ring comes from {SafeguardSettings.EncryptionKeyRing} in the environment, which Safeguard cannot change: put a new key ring there yourself (docs/encryption.md, \"Rotating keys in the environment\").");
        }
        using var exclusive = LockFile();
        lock (gate)
        {
            var changed = change(ReadFile());
            Replace(FilePath, changed);
            Remember(changed, File.GetLastWriteTimeUtc(FilePath));
            return changed;
        }
    }

    /// <summary>Creates a new key file with one key; refuses to replace one that exists.</summary>
    public static KeyRing CreateFile(string path, DateTimeOffset now)
    {
        var created = KeyRing.CreateNew(now);
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var temporary = WriteTemporary(path, created);
            try
            {
                // Without overwriting: of two processes creating it at once, one wins and the other reads its file.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new KeyRingUnavailableException($"The key file {path} already exists; Safeguard never replaces a key file with a new one.");
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new KeyRingUnavailableException($"The key file {path} cannot be created: {failure.Message}", failure);
        }
        return created;
    }

    private KeyRing Load()
    {
        if (FromEnvironment)
        {
            var json = System.Text.Encoding.UTF8.GetBytes(configuration[SafeguardSettings.EncryptionKeyRing]!);
            return Remember(KeyRingJson.Read(json, SafeguardSettings.EncryptionKeyRing), default);
        }
        if (!Path.Exists(FilePath))
        {
            if (FileConfigured || database.Provider != DatabaseProvider.Sqlite)
            {
                throw new KeyRingUnavailableException(FileConfigured
                    ? $"The key file {FilePath} ({SafeguardSettings.EncryptionKeyFile}) does not exist: restore it from its backup, or, for a new installation that has never encrypted anything, create it with './safeguard keys init'."
                    : $"A PostgreSQL database needs a key ring that every web node shares, and none is configured: set {SafeguardSettings.EncryptionKeyFile} (create the file once with './safeguard keys init') or {SafeguardSettings.EncryptionKeyRing} (docs/encryption.md).");
            }
            try
            {
                CreateFile(FilePath, time.GetUtcNow());
                LogCreated(logger, FilePath);
            }
            catch (KeyRingUnavailableException) when (File.Exists(FilePath))
            {
                // Another process created it first: use theirs.
            }
        }
        WarnIfOthersCanRead();
        return Remember(ReadFile(), File.GetLastWriteTimeUtc(FilePath));
    }

    private KeyRing RefreshIfChanged()
    {
        lastLookedAtFile = time.GetUtcNow();
        try
        {
            if (File.GetLastWriteTimeUtc(FilePath) != fileWrittenUtc)
            {
                Reread();
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            LogRereadFailed(logger, FilePath, failure.Message);
        }
        return ring!;
    }

    /// <summary>Re-reads the file; a file that has become unreadable or malformed leaves the ring in force as it was.</summary>
    private void Reread()
    {
        try
        {
            var written = File.GetLastWriteTimeUtc(FilePath);
            Remember(ReadFile(), written);
        }
        catch (KeyRingUnavailableException failure)
        {
            LogRereadFailed(logger, FilePath, failure.Message);
        }
    }

    private KeyRing Remember(KeyRing loaded, DateTime writtenUtc)
    {
        ring = loaded;
        fileWrittenUtc = writtenUtc;
        lastLookedAtFile = time.GetUtcNow();
        return loaded;
    }

    private KeyRing ReadFile()
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(FilePath);
        }
        catch (FileNotFoundException)
        {
            throw new KeyRingUnavailableException($"The key file {FilePath} does not exist any more: restore it from its backup.");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new KeyRingUnavailableException($"The key file {FilePath} cannot be read: {failure.Message}", failure);
        }
        return KeyRingJson.Read(json, $"the key file {FilePath}");
    }

    private void WarnIfOthersCanRead()
    {
        if (!OperatingSystem.IsWindows()
            && (File.GetUnixFileMode(FilePath) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            LogReadableByOthers(logger, FilePath);
        }
    }

    private FileStream LockFile()
    {
        var path = FilePath + ".lock";
        try
        {
            // FileShare.None is an exclusive advisory lock on Linux too: a second rotation waits for none, it refuses.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException busy)
        {
            throw new KeyRingUnavailableException($"The key file {FilePath} is being changed by another command (it holds {path}); try again when it has finished.", busy);
        }
    }

    private static void Replace(string path, KeyRing changed)
    {
        var temporary = WriteTemporary(path, changed);
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The ring written, owner-only, beside <paramref name="path"/> and flushed to disk; the caller renames it into place.</summary>
    private static string WriteTemporary(string path, KeyRing keys)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}{BackupFolder.PartialSuffix}";
        using var file = BackupFolder.CreatePrivateFile(temporary);
        file.Write(KeyRingJson.Write(keys));
        file.Flush(flushToDisk: true);
        return temporary;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created a new encryption key file at {Path}. Back it up now, apart from the database backups: without it, encrypted data cannot be read (docs/encryption.md).")]
    private static partial void LogCreated(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The encryption key file {Path} can be read by other users; make it readable by its owner only (chmod 600).")]
    private static partial void LogReadableByOthers(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The encryption key file {Path} changed but could not be read again; the keys read before stay in force. {Problem}")]
    private static partial void LogRereadFailed(ILogger logger, string path, string problem);
}
