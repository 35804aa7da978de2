using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Platform;

namespace Safeguard.Audit.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteAuditDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAuditDbContext>();
        new SafeguardDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(options, "audit");
        return new SqliteAuditDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresAuditDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAuditDbContext>();
        new SafeguardDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time").Configure(options, "audit");
        return new PostgresAuditDbContext(options.Options);
    }
}
