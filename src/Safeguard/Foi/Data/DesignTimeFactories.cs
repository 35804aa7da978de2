using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Platform;

namespace Safeguard.Foi.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteFoiDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFoiDbContext>
{
    public SqliteFoiDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteFoiDbContext>();
        new SafeguardDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(options, "foi");
        return new SqliteFoiDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresFoiDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFoiDbContext>
{
    public PostgresFoiDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresFoiDbContext>();
        new SafeguardDatabase(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time").Configure(options, "foi");
        return new PostgresFoiDbContext(options.Options);
    }
}
