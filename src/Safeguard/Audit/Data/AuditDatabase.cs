using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Platform;

namespace Safeguard.Audit.Data;

/// <summary>
/// Opens the audit module's context on the configured database, or on a connection another module already has open
/// (to write in its transaction). Contexts are made here rather than pooled, because one that borrows a connection
/// must not be handed to anyone else.
/// </summary>
internal sealed class AuditDatabase(SafeguardDatabase database)
{
    internal const string History = "__audit_migrations";

    public DatabaseProvider Provider => database.Provider;

    /// <summary>A context with a connection of its own.</summary>
    public AuditDbContext Open()
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            var options = new DbContextOptionsBuilder<PostgresAuditDbContext>();
            database.Configure(options, "audit");
            return new PostgresAuditDbContext(options.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAuditDbContext>();
        database.Configure(sqlite, "audit");
        return new SqliteAuditDbContext(sqlite.Options);
    }

    /// <summary>A context on <paramref name="connection"/>, which stays the caller's to close.</summary>
    public AuditDbContext OpenOn(DbConnection connection)
    {
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            var options = new DbContextOptionsBuilder<PostgresAuditDbContext>()
                .UseNpgsql(connection, npgsql => npgsql.MigrationsHistoryTable(History));
            return new PostgresAuditDbContext(options.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAuditDbContext>()
            .UseSqlite(connection, options => options.MigrationsHistoryTable(History));
        return new SqliteAuditDbContext(sqlite.Options);
    }
}
