using Microsoft.EntityFrameworkCore;

namespace Safeguard.Platform;

/// <summary>The database engines Safeguard runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: one file in the data folder.</summary>
    Sqlite,
    /// <summary>Production: selected by a PostgreSQL connection string.</summary>
    PostgreSql,
}

/// <summary>
/// Which database to use, decided once from configuration: <c>ConnectionStrings:Default</c>
/// (<c>ConnectionStrings__Default</c> or <c>--database</c>). A connection string naming a <c>Host</c> selects
/// PostgreSQL; anything else is a SQLite connection string. With none, SQLite in
/// <c>safeguard.db</c> under the data folder (<c>SAFEGUARD_DATA_DIR</c>, default <c>./data</c>).
/// </summary>
public sealed record SafeguardDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Resolves the database from configuration, creating the data folder for SQLite.</summary>
    public static SafeguardDatabase FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var folder = DataDirectory(configuration);
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                throw new DatabaseUnavailableException(
                    $"The data folder {folder} (SAFEGUARD_DATA_DIR) cannot be created: {failure.Message} Choose a folder this user may write to.", failure);
            }
            return new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "safeguard.db")}");
        }
        var database = IsPostgreSql(configured)
            ? new SafeguardDatabase(DatabaseProvider.PostgreSql, configured)
            : new SafeguardDatabase(DatabaseProvider.Sqlite, configured);
        try
        {
            _ = database.Describe();
        }
        catch (ArgumentException invalid)
        {
            // The parsers' messages name the offending keyword, never its value.
            throw new DatabaseUnavailableException(
                $"The database connection string (--database or ConnectionStrings__Default) is not valid: {invalid.Message}", invalid);
        }
        return database;
    }

    /// <summary>The folder for the embedded database and stored files.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["SAFEGUARD_DATA_DIR"] is { Length: > 0 } folder ? folder : "data");

    /// <summary>Configures a module's context for this database, with the module's own migrations history table.</summary>
    public void Configure(DbContextOptionsBuilder options, string module)
    {
        var history = $"__{module}_migrations";
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsHistoryTable(history));
                break;
            default:
                options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsHistoryTable(history));
                break;
        }
    }

    /// <summary>
    /// Creates an embedded database's file, empty and readable and writable by its owner only (0600), when it is not
    /// there yet, before SQLite would create it readable by everyone (0644, less the umask). SQLite gives its
    /// <c>-wal</c> and <c>-shm</c> files the database file's mode, so they are owner-only too. The file is put in WAL
    /// mode, as EF Core does when it creates one (it leaves a file that exists as it is).
    /// </summary>
    public async Task CreateSqliteFileOwnerOnlyAsync(CancellationToken cancellationToken)
    {
        if (Provider != DatabaseProvider.Sqlite || OperatingSystem.IsWindows())
        {
            return;
        }
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" || File.Exists(builder.DataSource))
        {
            return;
        }
        try
        {
            await using (Backup.BackupFolder.CreatePrivateFile(builder.DataSource))
            {
            }
        }
        catch (IOException) when (File.Exists(builder.DataSource))
        {
            // Another process created it first, the same way.
            return;
        }
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode = WAL";
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A description safe to print: the provider and where, never a password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
        var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
        return $"SQLite database {Path.GetFullPath(sqlite.DataSource)}";
    }

    internal static bool IsPostgreSql(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}
