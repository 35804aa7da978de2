using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguard.Platform;
using Safeguard.Platform.Web;
using Safeguard.Site.Data;
using Safeguard.Site.News;

namespace Safeguard.Site;

/// <summary>
/// The Site module's face: the charity's public site (its home page and news) and the editors' pages that write it.
/// </summary>
public static class SiteModule
{
    /// <summary>Registers the module's database, the news desk, scheduled publishing and the policy each folder names.</summary>
    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<SiteDbContext, SqliteSiteDbContext, PostgresSiteDbContext>("site");
        builder.Services.AddSingleton<IModuleDatabase, SiteDatabase>();
        builder.Services.AddScoped<NewsDesk>();
        builder.Services.AddScoped<NewsReader>();
        builder.Services.AddScoped<ScheduledPublishing>();
        // Tried, not added: the lock is the platform's, for any module's scheduled runs.
        builder.Services.TryAddSingleton<ScheduledRunLock>();
        builder.Services.AddHostedService<ScheduledPublishingService>();
        // The home page and the news are public; the editors' pages are editors' and administrators' (docs/accounts.md).
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions
            .AllowAnonymousToFolder("/Site/Public")
            .AuthorizeFolder("/Site/Staff", StaffPolicies.Site));
        return builder;
    }

    /// <summary>Maps the news feeds, open to anyone.</summary>
    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapGroup("").AllowAnonymous().MapNewsFeeds();
        return app;
    }

    private sealed class SiteDatabase : IModuleDatabase
    {
        public string Name => "site";

        public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<SiteDbContext>().Database.MigrateModuleAsync(cancellationToken);

        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            News.DemonstrationNews.LoadAsync(services, cancellationToken);
    }
}
