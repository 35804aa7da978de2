using Safeguard.Platform;

namespace Safeguard.Casework.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteCaseworkDesignTimeFactory()
    : DesignTimeFactory<SqliteCaseworkDbContext>(DatabaseProvider.Sqlite, CaseworkModule.Name, options => new SqliteCaseworkDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresCaseworkDesignTimeFactory()
    : DesignTimeFactory<PostgresCaseworkDbContext>(DatabaseProvider.PostgreSql, CaseworkModule.Name, options => new PostgresCaseworkDbContext(options));
