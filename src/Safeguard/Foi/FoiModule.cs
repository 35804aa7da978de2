using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguard.Foi.Api;
using Safeguard.Foi.Calendar;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;
using Safeguard.Platform;
using Safeguard.Platform.Web;

namespace Safeguard.Foi;

/// <summary>
/// The FOI module's face: the statutory clock, the bank holidays it counts with and their API; the charity's requests
/// on the staff pages, with their documents, series, calendar feeds and reminders.
/// </summary>
public static class FoiModule
{
    /// <summary>Registers the module's database, bank holiday store, requests, calendar feeds and reminders, and the staff pages' policy.</summary>
    public static IHostApplicationBuilder AddFoi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<FoiDbContext, SqliteFoiDbContext, PostgresFoiDbContext>("foi");
        builder.Services.AddScoped<BankHolidayStore>();
        builder.Services.AddScoped<Requests.FoiRequestBook>();
        builder.Services.AddSingleton(FoiSettings.Read(builder.Configuration));
        builder.Services.AddScoped<Calendar.FoiCalendarFeeds>();
        builder.Services.AddScoped<Reminders.FoiReminders>();
        // Tried, not added: the lock is the platform's, for any module's scheduled runs.
        builder.Services.TryAddSingleton<ScheduledRunLock>();
        builder.Services.AddHostedService<Reminders.FoiReminderService>();
        builder.Services.AddSingleton<IModuleDatabase, FoiDatabase>();
        // The staff pages keep the charity's requests: policy officers and administrators (docs/accounts.md).
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AuthorizeFolder("/Foi/Staff", StaffPolicies.Foi));
        return builder;
    }

    /// <summary>Maps <c>/api/v1/foi</c>, the calendar feeds, and the size limit of the answer upload form.</summary>
    public static WebApplication MapFoi(this WebApplication app)
    {
        app.UseUploadSizeLimit(Staff.FoiStaffPaths.AttachDocument, app.Services.GetRequiredService<FoiSettings>().MaxDocumentBytes);
        app.MapFoiApi();
        app.MapFoiCalendar();
        return app;
    }


    private sealed class FoiDatabase : IModuleDatabase
    {
        public string Name => "foi";

        public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<FoiDbContext>().Database.MigrateModuleAsync(cancellationToken);

        // The shipped bank holidays are read from the assembly; there is nothing to demonstrate yet.
        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
