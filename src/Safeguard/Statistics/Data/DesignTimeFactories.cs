using Safeguard.Platform;

namespace Safeguard.Statistics.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteStatisticsDesignTimeFactory()
    : DesignTimeFactory<SqliteStatisticsDbContext>(DatabaseProvider.Sqlite, "statistics", options => new SqliteStatisticsDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresStatisticsDesignTimeFactory()
    : DesignTimeFactory<PostgresStatisticsDbContext>(DatabaseProvider.PostgreSql, "statistics", options => new PostgresStatisticsDbContext(options));
