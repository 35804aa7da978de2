using Microsoft.EntityFrameworkCore;
using Safeguard.Foi.Api;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;
using Safeguard.Platform;

namespace Safeguard.Foi;

/// <summary>The FOI module's face: the statutory clock, the bank holidays it counts with, and their API.</summary>
public static class FoiModule
{
    /// <summary>Registers the module's database and bank holiday store.</summary>
    public static IHostApplicationBuilder AddFoi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<FoiDbContext, SqliteFoiDbContext, PostgresFoiDbContext>("foi");
        builder.Services.AddScoped<BankHolidayStore>();
        builder.Services.AddScoped<Requests.FoiRequestBook>();
        builder.Services.AddSingleton<IModuleDatabase, FoiDatabase>();
        return builder;
    }

    /// <summary>Maps <c>/api/v1/foi</c>.</summary>
    public static WebApplication MapFoi(this WebApplication app)
    {
        app.MapFoiApi();
        return app;
    }


    private sealed class FoiDatabase : IModuleDatabase
    {
        public string Name => "foi";

        public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<FoiDbContext>().Database.MigrateAsync(cancellationToken);

        // The shipped bank holidays are read from the assembly; there is nothing to demonstrate yet.
        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
