using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Platform;

namespace Safeguard.Statistics.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteStatisticsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStatisticsDbContext>
{
    public SqliteStatisticsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteStatisticsDbContext>();
        new SafeguardDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(options, "statistics");
        return new SqliteStatisticsDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresStatisticsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStatisticsDbContext>
{
    public PostgresStatisticsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresStatisticsDbContext>();
        new SafeguardDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time").Configure(options, "statistics");
        return new PostgresStatisticsDbContext(options.Options);
    }
}
