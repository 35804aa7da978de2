using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Safeguard.Platform;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's context for one engine without starting the host or reaching
/// a server: each module declares one subclass per engine, naming its module (which names its history table).
/// </summary>
internal abstract class DesignTimeFactory<TContext>(DatabaseProvider provider, string module, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        var connectionString = provider == DatabaseProvider.PostgreSql ? "Host=localhost;Database=design_time" : "Data Source=design-time.db";
        new SafeguardDatabase(provider, connectionString).Configure(options, module);
        return create(options.Options);
    }
}
