using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Data;
using Safeguard.Casework.Protection;
using Safeguard.Platform;

namespace Safeguard.Casework;

/// <summary>
/// The casework module's face: referrals, clients and their cases (detention, clinical assessments, documents, Home
/// Office events, outcome), the clocks computed from them, and cohort figures with small numbers suppressed.
/// </summary>
public static class CaseworkModule
{
    /// <summary>The module's name: its migrations history is <c>__casework_migrations</c>.</summary>
    public const string Name = "casework";

    /// <summary>Registers the module's database, services and pages' access rules.</summary>
    public static IHostApplicationBuilder AddCasework(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<CaseworkDbContext, SqliteCaseworkDbContext, PostgresCaseworkDbContext>(Name);
        builder.Services.AddSingleton(CaseworkSettings.Read(builder.Configuration));
        builder.Services.AddSingleton<CaseCipher>();
        builder.Services.AddSingleton<IModuleDatabase, CaseworkDatabase>();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static WebApplication MapCasework(this WebApplication app) => app;

    private sealed class CaseworkDatabase : IModuleDatabase
    {
        public string Name => CaseworkModule.Name;

        public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<CaseworkDbContext>().Database.MigrateAsync(cancellationToken);

        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
