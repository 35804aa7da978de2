using System.Globalization;

namespace Safeguard.Platform.Backup;

/// <summary>
/// The folder a backup is written to. It must be new or empty, so a backup never mixes with or overwrites another;
/// its files are readable by their owner only, as they hold the charity's records.
/// </summary>
public static class BackupFolder
{
    /// <summary>Suffix of a file still being written; renamed away only once complete and on disk.</summary>
    public const string PartialSuffix = ".partial";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (owner only), or accepts an existing empty one; returns whether it was created.</summary>
    public static bool PrepareEmpty(string folder)
    {
        if (File.Exists(folder))
        {
            throw new BackupRefusedException($"{folder} is a file; give a new or empty folder for the backup.");
        }
        if (Directory.Exists(folder))
        {
            var entries = Directory.EnumerateFileSystemEntries(folder).Count();
            if (entries > 0)
            {
                throw new BackupRefusedException(string.Create(CultureInfo.InvariantCulture,
                    $"{folder} is not empty ({entries} {(entries == 1 ? "entry" : "entries")}). A backup goes into a new or empty folder, so that it never mixes with or overwrites another backup: give another folder (for example one named by today's date)."));
            }
            return false;
        }
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new BackupRefusedException($"The backup folder {folder} cannot be created: {failure.Message}", failure);
        }
        return true;
    }

    /// <summary>A new file readable and writable by its owner only.</summary>
    public static FileStream CreatePrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous, BufferSize = 1 << 20 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        return new FileStream(path, options);
    }

    /// <summary>Flushes a finished file to the disk, so a rename that follows never names a file still in memory.</summary>
    public static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>"12.3 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024 / 1024:0.00} GB"),
    };
}
