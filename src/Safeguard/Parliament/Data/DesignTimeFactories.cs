using Safeguard.Platform;

namespace Safeguard.Parliament.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteParliamentDesignTimeFactory()
    : DesignTimeFactory<SqliteParliamentDbContext>(DatabaseProvider.Sqlite, "parliament", options => new SqliteParliamentDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresParliamentDesignTimeFactory()
    : DesignTimeFactory<PostgresParliamentDbContext>(DatabaseProvider.PostgreSql, "parliament", options => new PostgresParliamentDbContext(options));
