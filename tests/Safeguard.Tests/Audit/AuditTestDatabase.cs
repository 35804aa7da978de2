using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Platform;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Audit;

/// <summary>A fresh database holding only the audit module's table, migrated as the application migrates it.</summary>
public abstract class AuditTestDatabase : IAsyncLifetime
{
    public abstract SafeguardDatabase Database { get; }

    internal AuditDatabase Audit => new(Database);

    public IAuditTrail Trail(TimeProvider? clock = null) => new ChainedAuditTrail(Audit, clock ?? TimeProvider.System);

    internal AuditVerifier Verifier => new(Audit);

    public virtual async ValueTask InitializeAsync()
    {
        await using var db = Audit.Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>An open connection to the database, for SQL that goes round the application.</summary>
    public abstract Task<DbConnection> ConnectAsync();

    /// <summary>Runs SQL as someone with write access to the database who has turned the append-only triggers off.</summary>
    public abstract Task TamperAsync(string sql);

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteAuditTestDatabase : AuditTestDatabase
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-audit-");

    public string File => Path.Combine(folder.FullName, "safeguard.db");

    public override SafeguardDatabase Database => new(DatabaseProvider.Sqlite, $"Data Source={File};Pooling=False");

    public override async Task<DbConnection> ConnectAsync()
    {
        var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public override async Task TamperAsync(string sql)
    {
        await ExecuteAsync("DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;");
        await ExecuteAsync(sql);
    }

    public override ValueTask DisposeAsync()
    {
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresAuditTestDatabase : AuditTestDatabase
{
    private readonly string name = $"safeguard_audit_{Guid.NewGuid():N}";

    public override SafeguardDatabase Database =>
        new(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = name }.ConnectionString);

    public override async ValueTask InitializeAsync()
    {
        await AdministerAsync($"CREATE DATABASE \"{name}\"");
        await base.InitializeAsync();
    }

    public override async Task<DbConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>A superuser can switch triggers off for the session: exactly what the hash chain is there to catch.</summary>
    public override Task TamperAsync(string sql) => ExecuteAsync($"SET session_replication_role = replica; {sql}");

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdministerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task AdministerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
