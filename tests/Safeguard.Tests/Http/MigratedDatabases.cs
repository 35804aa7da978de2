using Npgsql;
using Safeguard.Tests.Encryption;

namespace Safeguard.Tests.Http;

/// <summary>
/// One database per engine migrated by <c>safeguard migrate</c> (every module's tables and reference data, nothing
/// else), made the first time an application of its own asks, which then starts from a copy: a SQLite file copied, a
/// PostgreSQL database cloned with <c>CREATE DATABASE ... TEMPLATE</c>. Its start-up finds every migration applied and
/// goes on to the demonstration data, as on a database migrated before <c>serve</c>; migrating six modules from
/// nothing was a large part of each of the dozens of starts. <see cref="SharedPortals"/> removes them after the last test.
/// </summary>
internal static class MigratedDatabases
{
    private static readonly Lazy<Task<string>> Sqlite = new(MigrateSqliteAsync);

    private static readonly Lazy<Task<string>> Postgres = new(MigratePostgresAsync);

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"safeguard-migrated-{Guid.NewGuid():N}");

    private static readonly string PostgresName = $"safeguard_migrated_{Guid.NewGuid():N}";

    /// <summary>Copies the migrated SQLite database to <paramref name="path"/>.</summary>
    public static async Task CopySqliteAsync(string path) => File.Copy(await Sqlite.Value, path);

    /// <summary>The command that creates a PostgreSQL database named <paramref name="database"/> as a clone of the migrated one.</summary>
    public static async Task<string> CreatePostgresSqlAsync(string database) => $"CREATE DATABASE \"{database}\" TEMPLATE \"{await Postgres.Value}\"";

    private static async Task<string> MigrateSqliteAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "sqlite")).FullName;
        var path = Path.Combine(folder, "safeguard.db");
        await MigrateAsync(folder, $"Data Source={path};Pooling=False");
        // The last connection closed has written the journal back into the file, so the file alone is the database.
        if (File.Exists($"{path}-wal"))
        {
            throw new InvalidOperationException($"{path} still has a write-ahead log after migrating; a copy of the file alone would miss what it holds.");
        }
        return path;
    }

    private static async Task<string> MigratePostgresAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = PostgresName }.ConnectionString;
        await MigrateAsync(Directory.CreateDirectory(Path.Combine(Folder, "postgres")).FullName, connectionString);
        // PostgreSQL clones a database only while nobody is connected to it.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        return PostgresName;
    }

    private static async Task MigrateAsync(string dataFolder, string connectionString)
    {
        var (exitCode, output, errors) = await SafeguardCommand.RunAsync(
            dataFolder, new Dictionary<string, string> { ["Safeguard__Encryption__KeyRing"] = TestKeyRings.NewJson() }, "migrate", "--database", connectionString);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"safeguard migrate failed ({exitCode}): {output}{errors}");
        }
    }

    /// <summary>Removes the migrated databases made in this run.</summary>
    public static async Task RemoveAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        if (Postgres.IsValueCreated && Postgres.Value.IsCompletedSuccessfully)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
