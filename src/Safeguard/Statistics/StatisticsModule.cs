using Microsoft.EntityFrameworkCore;
using Safeguard.Platform;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Demonstration;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics;

/// <summary>The statistics module's face: everything else reaches it through these two calls.</summary>
public static class StatisticsModule
{
    /// <summary>Registers the module's database, readers and publishers.</summary>
    public static IHostApplicationBuilder AddStatistics(this IHostApplicationBuilder builder)
    {
        var database = SafeguardDatabase.FromConfiguration(builder.Configuration);
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            builder.Services.AddDbContextPool<StatisticsDbContext, PostgresStatisticsDbContext>(o => database.Configure(o, "statistics"));
        }
        else
        {
            builder.Services.AddDbContextPool<StatisticsDbContext, SqliteStatisticsDbContext>(o => database.Configure(o, "statistics"));
        }
        builder.Services.AddScoped<StatisticsReader>();
        builder.Services.AddScoped<ReleasePublisher>();
        builder.Services.AddSingleton<IModuleDatabase, StatisticsDatabase>();
        return builder;
    }

    /// <summary>Maps the public pages' machine twins and the <c>/api/v1</c> endpoints.</summary>
    public static WebApplication MapStatistics(this WebApplication app)
    {
        return app;
    }

    private sealed class StatisticsDatabase : IModuleDatabase
    {
        public string Name => "statistics";

        public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var db = services.GetRequiredService<StatisticsDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            await StatisticsCatalogue.EnsureAsync(db, cancellationToken);
        }

        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            DemonstrationRelease.LoadAsync(services.GetRequiredService<StatisticsDbContext>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
    }
}
