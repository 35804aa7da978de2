using Microsoft.EntityFrameworkCore;

namespace Safeguard.Platform;

/// <summary>How every module registers its database context.</summary>
public static class ModuleContexts
{
    /// <summary>
    /// Registers a module's SQLite and PostgreSQL flavours, each configured for the module's migrations history
    /// (<c>__{module}_migrations</c>), and the module's context, which resolves on first use to the flavour the
    /// configured database needs, so settings applied late (by a test host, say) are honoured.
    /// </summary>
    public static IServiceCollection AddModuleContexts<TContext, TSqlite, TPostgres>(this IServiceCollection services, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        services.AddDbContextPool<TSqlite>((provider, options) => provider.GetRequiredService<SafeguardDatabase>().Configure(options, module));
        services.AddDbContextPool<TPostgres>((provider, options) => provider.GetRequiredService<SafeguardDatabase>().Configure(options, module));
        services.AddScoped<TContext>(provider => provider.GetRequiredService<SafeguardDatabase>().Provider == DatabaseProvider.PostgreSql
            ? provider.GetRequiredService<TPostgres>()
            : provider.GetRequiredService<TSqlite>());
        return services;
    }
}
