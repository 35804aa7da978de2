using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Safeguard.Parliament.Appg;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Platform;
using Safeguard.Platform.Web;

namespace Safeguard.Parliament;

/// <summary>
/// The Parliament module's face: the register of MPs and peers, the APPG on Immigration Detention whose secretariat
/// the charity is, and the group's public members page with its twins.
/// </summary>
public static class ParliamentModule
{
    /// <summary>The rate limit of /parliament/your-mp's answers, per client address.</summary>
    public const string YourMpRateLimit = "your-mp";

    /// <summary>Registers the module's database, the register import and the members list's read.</summary>
    public static IHostApplicationBuilder AddParliament(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<ParliamentDbContext, SqliteParliamentDbContext, PostgresParliamentDbContext>("parliament");
        builder.Services.AddScoped<RegisterImport>();
        builder.Services.AddScoped<AppgRoster>();
        builder.Services.AddScoped<Postcodes.PostcodeImport>();
        builder.Services.AddScoped<YourMp.YourMpLookup>();
        builder.Services.AddSingleton<YourMp.SeatDirectory>();
        builder.Services.ConfigureDbContext<SqliteParliamentDbContext>((_, options) => options.AddInterceptors(RegisterCommits.Instance));
        builder.Services.ConfigureDbContext<PostgresParliamentDbContext>((_, options) => options.AddInterceptors(RegisterCommits.Instance));
        builder.Services.AddScoped<YourMp.LettersStarted>();
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AllowAnonymousToFolder("/Parliament/YourMp"));
        builder.Services.AddScoped<Funnel.MembershipFunnel>();
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AuthorizeFolder("/Parliament/Funnel", Platform.Web.StaffPolicies.Parliament));
        var lookupsPerMinute = Math.Clamp(builder.Configuration.GetValue(SafeguardSettings.ParliamentLookupsPerMinute, 30), 1, int.MaxValue);
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(YourMpRateLimit,
            context => FormRateLimits.LookupsPerAddress(context, YourMpRateLimit, YourMp.YourMpModel.PostcodeField, lookupsPerMinute, TimeSpan.FromMinutes(1))));
        builder.Services.AddSingleton<IModuleDatabase, ParliamentDatabase>();
        // The group's members are public, as on the group's own site and Parliament's register.
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AllowAnonymousToFolder("/Parliament/Appg"));
        // The secretariat's pages: policy officers and administrators (docs/accounts.md).
        builder.Services.AddScoped<Staff.ParliamentAudit>();
        builder.Services.AddScoped<Staff.RegisterBook>();
        builder.Services.AddScoped<Deadlines.AppgReminders>();
        builder.Services.AddScoped<Meetings.MeetingBook>();
        builder.Services.AddSingleton(ParliamentSettings.Read(builder.Configuration));
        builder.Services.AddScoped<Bills.BillBook>();
        // The meetings the secretariat publishes are public; the rest of the meetings' pages are the secretariat's.
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions
            .AllowAnonymousToFolder("/Parliament/Meetings/Public")
            .AuthorizeFolder("/Parliament/Meetings/Staff", StaffPolicies.Parliament)
            .AllowAnonymousToFolder("/Parliament/Bills/Public")
            .AuthorizeFolder("/Parliament/Bills/Staff", StaffPolicies.Parliament));
        // Tried, not added: the lock is the platform's, for any module's scheduled runs.
        builder.Services.TryAddSingleton<ScheduledRunLock>();
        builder.Services.AddHostedService<Deadlines.AppgReminderService>();
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AuthorizeFolder("/Parliament/Staff", StaffPolicies.Parliament));
        return builder;
    }

    /// <summary>Maps the members page's <c>.json</c> and <c>.csv</c> twins, open to anyone, and limits the meeting documents' uploads.</summary>
    public static WebApplication MapParliament(this WebApplication app)
    {
        app.UseUploadSizeLimit(Staff.ParliamentStaffPaths.MeetingDocumentsRoute, app.Services.GetRequiredService<ParliamentSettings>().MaxDocumentBytes);
        app.MapGroup("").AllowAnonymous().MapAppgTwins();
        return app;
    }

    /// <summary>The <c>parliament</c> commands, opening the application's services through <paramref name="open"/>.</summary>
    public static IEnumerable<System.CommandLine.Command> Commands(Func<System.CommandLine.ParseResult, CancellationToken, Task<IHost>> open) =>
        ParliamentCommands.Create(open);

    private sealed class ParliamentDatabase : IModuleDatabase
    {
        public string Name => "parliament";

        public Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<ParliamentDbContext>().Database.MigrateModuleAsync(cancellationToken);

        public async Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await Demonstration.DemonstrationParliament.LoadAsync(services, cancellationToken);
            await Postcodes.DemonstrationPostcodes.LoadAsync(services, cancellationToken);
        }
    }
}
