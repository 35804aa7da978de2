using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Platform;

namespace Safeguard.Accounts.Data;

/// <summary>The SQLite context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteAccountsDesignTimeFactory()
    : DesignTimeFactory<SqliteAccountsDbContext>(DatabaseProvider.Sqlite, "accounts", options => new SqliteAccountsDbContext(IdentityDesignTime.WithSchema(options)));

/// <summary>The PostgreSQL context for <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresAccountsDesignTimeFactory()
    : DesignTimeFactory<PostgresAccountsDbContext>(DatabaseProvider.PostgreSql, "accounts", options => new PostgresAccountsDbContext(IdentityDesignTime.WithSchema(options)));

/// <summary>
/// Identity builds its model from the schema version in the application's services, which a design-time context
/// has none of: without this, migrations would be made for the oldest schema (no passkeys).
/// </summary>
internal static class IdentityDesignTime
{
    public static DbContextOptions<TContext> WithSchema<TContext>(DbContextOptions<TContext> options)
        where TContext : DbContext
    {
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = AccountsDbContext.IdentitySchema)
            .BuildServiceProvider();
        return new DbContextOptionsBuilder<TContext>(options).UseApplicationServiceProvider(services).Options;
    }
}
