using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Platform;

namespace Safeguard.Accounts.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAccountsDbContext>();
        new SafeguardDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(options, "accounts");
        return new SqliteAccountsDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresAccountsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAccountsDbContext>();
        new SafeguardDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time").Configure(options, "accounts");
        return new PostgresAccountsDbContext(options.Options);
    }
}
