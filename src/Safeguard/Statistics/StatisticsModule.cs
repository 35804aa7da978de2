using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Api;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Demonstration;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Portal;
using Safeguard.Statistics.Reading;
using Safeguard.Statistics.Releases;
using Safeguard.Statistics.Staff;

namespace Safeguard.Statistics;

/// <summary>The statistics module's face: everything else reaches it through these two calls.</summary>
public static class StatisticsModule
{
    /// <summary>Registers the module's database, readers and publishers.</summary>
    public static IHostApplicationBuilder AddStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<StatisticsDbContext, SqliteStatisticsDbContext, PostgresStatisticsDbContext>("statistics");
        builder.Services.AddScoped<StatisticsReader>();
        builder.Services.AddScoped(services => new PlacesOfDetention(services.GetRequiredService<StatisticsDbContext>()));
        builder.Services.AddScoped<PortalQueries>();
        builder.Services.AddSingleton<PortalSettings>();
        builder.AddPortalCaching();
        builder.Services.AddScoped<ReleasePublisher>();
        builder.Services.AddSingleton<LatestPublication>();
        builder.Services.AddHostedService<PublicationListener>();
        builder.Services.AddSingleton(ImportSettings.Limits(builder.Configuration));
        builder.Services.AddScoped<TemplateStore>();
        builder.Services.AddScoped<StatisticsImporter>();
        builder.Services.AddScoped<ImportUploads>();
        builder.Services.AddScoped<DraftReleases>();
        builder.Services.AddScoped(services => new SourceCitations(services.GetRequiredService<StatisticsDbContext>()));
        builder.Services.AddScoped(services => new ImportGateway(services.GetRequiredService<StatisticsImporter>(), services.GetRequiredService<ImportUploads>()));
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddHostedService<ImportJobWorker>();
        builder.Services.AddSingleton<IModuleDatabase, StatisticsDatabase>();
        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            // The portal is public: its pages say so, as every endpoint must (see Accounts/StaffPolicies).
            pages.Conventions.AllowAnonymousToFolder("/Statistics/Portal");
            // Importing and publishing: policy officers and administrators, with their second factor (docs/accounts.md).
            pages.Conventions.AuthorizeFolder("/Statistics/Staff", StaffPolicies.Statistics);
        });
        return builder;
    }

    /// <summary>Maps the public pages' machine twins and the <c>/api/v1</c> endpoints, all open to anyone.</summary>
    public static WebApplication MapStatistics(this WebApplication app)
    {
        app.UseUploadSizeLimit(StatisticsStaffPaths.NewImport, app.Services.GetRequiredService<ImportLimits>().MaxFileBytes);
        var open = app.MapGroup("").AllowAnonymous();
        open.MapPageTwins();
        open.MapSourceFiles();
        open.MapStatisticsApi();
        return app;
    }


    private sealed class StatisticsDatabase : IModuleDatabase
    {
        public string Name => "statistics";

        public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var db = services.GetRequiredService<StatisticsDbContext>();
            await db.Database.MigrateModuleAsync(cancellationToken);
            await StatisticsCatalogue.EnsureAsync(db, cancellationToken);
        }

        public async Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await DemonstrationRelease.LoadAsync(services.GetRequiredService<StatisticsDbContext>(), services.GetRequiredService<ReleasePublisher>(), cancellationToken);
            await DemonstrationHomeOffice.LoadAsync(services, cancellationToken);
        }
    }
}
