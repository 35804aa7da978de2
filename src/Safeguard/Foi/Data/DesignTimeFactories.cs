using Safeguard.Platform;

namespace Safeguard.Foi.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteFoiDesignTimeFactory()
    : DesignTimeFactory<SqliteFoiDbContext>(DatabaseProvider.Sqlite, "foi", options => new SqliteFoiDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresFoiDesignTimeFactory()
    : DesignTimeFactory<PostgresFoiDbContext>(DatabaseProvider.PostgreSql, "foi", options => new PostgresFoiDbContext(options));
