using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Referrals;
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

    /// <summary>The rate-limiting policy of the public referral form.</summary>
    public const string ReferralRateLimit = "referral";

    /// <summary>Registers the module's database, services and pages' access rules.</summary>
    public static IHostApplicationBuilder AddCasework(this IHostApplicationBuilder builder)
    {
        builder.Services.AddModuleContexts<CaseworkDbContext, SqliteCaseworkDbContext, PostgresCaseworkDbContext>(Name);
        var settings = CaseworkSettings.Read(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<CaseCipher>();
        builder.Services.AddScoped<CaseworkAudit>();
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<StaffDirectory>();
        builder.Services.AddScoped<CaseBook>();
        builder.Services.AddScoped<CaseReading>();
        builder.Services.AddScoped<ReferralDesk>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(ReferralRateLimit,
            context => FormRateLimits.SubmissionsPerAddress(context, settings.ReferralsPerHour, TimeSpan.FromHours(1))));
        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            // Access by folder (docs/accounts.md); each case is then checked against who it is assigned to (CaseAccess).
            pages.Conventions.AuthorizeFolder("/Casework/Cases", AccountsPolicies.CaseData);
            pages.Conventions.AuthorizeFolder("/Casework/Supervision", AccountsPolicies.CaseSupervision);
            pages.Conventions.AuthorizeFolder("/Casework/Cohorts", AccountsPolicies.Aggregates);
            pages.Conventions.AllowAnonymousToFolder("/Casework/Public");
        });
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
