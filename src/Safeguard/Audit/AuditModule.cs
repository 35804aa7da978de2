using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Data;
using Safeguard.Audit.Searching;
using Safeguard.Platform;
using Safeguard.Platform.Web;

namespace Safeguard.Audit;

/// <summary>The audit module's face: the append-only, hash-chained trail every module records through.</summary>
public static class AuditModule
{
    /// <summary>
    /// Registers the trail (<see cref="IAuditTrail"/>, <see cref="IAuditOrigin"/>), its verifier and its search, and the
    /// administrators' page (<see cref="AuditPaths.Trail"/>).
    /// </summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditDatabase>();
        // The trail opens its contexts through AuditDatabase (to join another module's connection); they are also
        // services, as in every module, so that what reads every module's migrations generically (backup) finds them.
        builder.Services.AddModuleContexts<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>("audit");
        builder.Services.AddSingleton<IAuditTrail, ChainedAuditTrail>();
        builder.Services.AddSingleton<IAuditOrigin, AuditOrigin>();
        builder.Services.AddSingleton<AuditVerifier>();
        builder.Services.AddSingleton<AuditQuery>();
        builder.Services.AddSingleton<IModuleDatabase, AuditModuleDatabase>();
        // Access by folder, as in the accounts module: Audit/Admin is for administrators (docs/accounts.md).
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AuthorizeFolder("/Audit/Admin", StaffPolicies.Administrators));
        return builder;
    }

    private sealed class AuditModuleDatabase : IModuleDatabase
    {
        public string Name => "audit";

        public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await using var db = services.GetRequiredService<AuditDatabase>().Open();
            await db.Database.MigrateModuleAsync(cancellationToken);
        }

        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
