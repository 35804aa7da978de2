using Microsoft.Data.Sqlite;
using Safeguard.Tests.Encryption;
using Safeguard.Tests.Http;

namespace Safeguard.Tests;

/// <summary>
/// The embedded SQLite database holds encrypted health data and the audit trail: its file and the <c>-wal</c> and
/// <c>-shm</c> files beside it are created readable and writable by their owner only, as backups and key files are.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseFileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-modes-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Start_NewSqliteDatabase_ItsFileWalAndShmAreOwnerOnly()
    {
        await using (var application = new FolderPortalFactory(folder.FullName, TestKeyRings.NewJson()) { DemonstrationData = false })
        {
            await application.InitializeAsync();
        }
        var database = Path.Combine(folder.FullName, "safeguard.db");
        // SQLite keeps -wal and -shm while a connection is open, as the running application's are.
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_master";
        await read.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.GetUnixFileMode(file).ShouldBe(OwnerOnly, Path.GetFileName(file));
        }
        read.CommandText = "PRAGMA journal_mode";
        (await read.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("wal");
    }
}
