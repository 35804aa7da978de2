using Safeguard.Platform;

namespace Safeguard.Site.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteSiteDesignTimeFactory()
    : DesignTimeFactory<SqliteSiteDbContext>(DatabaseProvider.Sqlite, "site", options => new SqliteSiteDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresSiteDesignTimeFactory()
    : DesignTimeFactory<PostgresSiteDbContext>(DatabaseProvider.PostgreSql, "site", options => new PostgresSiteDbContext(options));
