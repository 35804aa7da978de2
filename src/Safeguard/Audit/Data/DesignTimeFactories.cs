using Safeguard.Platform;

namespace Safeguard.Audit.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteAuditDesignTimeFactory()
    : DesignTimeFactory<SqliteAuditDbContext>(DatabaseProvider.Sqlite, "audit", options => new SqliteAuditDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresAuditDesignTimeFactory()
    : DesignTimeFactory<PostgresAuditDbContext>(DatabaseProvider.PostgreSql, "audit", options => new PostgresAuditDbContext(options));
