using Safeguard.Platform;

namespace Safeguard.Accounts.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteAccountsDesignTimeFactory()
    : DesignTimeFactory<SqliteAccountsDbContext>(DatabaseProvider.Sqlite, "accounts", options => new SqliteAccountsDbContext(options));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresAccountsDesignTimeFactory()
    : DesignTimeFactory<PostgresAccountsDbContext>(DatabaseProvider.PostgreSql, "accounts", options => new PostgresAccountsDbContext(options));
