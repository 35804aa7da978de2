using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Invitations;
using Safeguard.Accounts.Mail;
using Safeguard.Accounts.Passkeys;
using Safeguard.Accounts.SignIn;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts;

/// <summary>
/// The accounts module's face: staff accounts (ASP.NET Core Identity, invitation only), sign-in with a passphrase
/// and an authenticator app or with a passkey, roles and the named policies every other module's pages are protected by.
/// </summary>
public static class AccountsModule
{
    /// <summary>The rate-limiting policy of the sign-in and invitation forms.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Registers Identity, its cookies, the policies, the outbox and the sign-in rate limit.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModuleContexts<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>("accounts");

        // Keys in the database, so that every web node reads the cookies and antiforgery tokens the others wrote;
        // encrypted there with the key ring, which is kept outside it.
        services.AddDataProtection().SetApplicationName("Safeguard").PersistKeysToDbContext<AccountsDbContext>().ProtectKeysWithKeyRing<AccountsDbContext>();
        services.AddSingleton<AuthenticatorCodes>();
        services.AddIdentity<StaffAccount, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
                options.Password.RequiredLength = PassphraseRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.Tokens.AuthenticatorTokenProvider = AuthenticatorCodes.ProviderName;
                options.Stores.SchemaVersion = AccountsDbContext.IdentitySchema;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            // Identity's store, but the authenticator key encrypted with the key ring (registered last, so it is the one used).
            .AddUserStore<StaffAccountStore>()
            .AddSignInManager<StaffSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<AuthenticatorCodes>(AuthenticatorCodes.ProviderName)
            .AddPasswordValidator<PassphraseRules>()
            .AddErrorDescriber<StaffIdentityErrors>();
        services.AddEncryptedColumns<AccountsDbContext>(columns => columns.Text<StaffAccount>(a => a.AuthenticatorKey, StaffAccountStore.AuthenticatorKeyPurpose));
        services.AddScoped<IUserConfirmation<StaffAccount>, ActiveAndConfirmed>();
        services.Configure<IdentityPasskeyOptions>(StaffPasskeys.Configure);
        services.AddScoped<StaffPasskeys>();
        // OWASP's figure for PBKDF2-HMAC-SHA512 (Identity's default is 100,000).
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.AddSingleton<Anonymous.SignInTimingDecoy>();

        var idle = TimeSpan.FromMinutes(Math.Clamp(builder.Configuration.GetValue(SafeguardSettings.SessionIdleMinutes, 20), 1, 24 * 60));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "__Host-Safeguard.Session";
            Harden(cookie);
            cookie.ExpireTimeSpan = idle;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = AccountsPaths.SignIn;
            cookie.LogoutPath = AccountsPaths.SignOut;
            cookie.AccessDeniedPath = "/system/error/404";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.Name = "__Host-Safeguard.SecondFactor";
            Harden(cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, cookie =>
        {
            cookie.Cookie.Name = "__Host-Safeguard.External";
            Harden(cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, cookie =>
        {
            cookie.Cookie.Name = "__Host-Safeguard.RememberDevice";
            Harden(cookie);
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "__Host-Safeguard.Antiforgery";
            // Secure on every HTTPS request, which is every staff page (MapAccounts refuses them over HTTP); "same as
            // request" only so that a stray POST to a public page over HTTP is a 400, not an exception.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.FormFieldName = "__RequestVerificationToken";
        });

        services.AddSingleton<IAuthorizationHandler, ClassifiedEndpointRequirement>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, NotFoundForStaffWithoutAccess>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ClassifiedEndpointRequirement()).Build())
            .AddPolicy(StaffPolicies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireStaff())
            .AddPolicy(StaffPolicies.Administrators, policy => policy.RequireStaff(StaffRoles.Administrator))
            .AddPolicy(StaffPolicies.CaseData, policy => policy.RequireStaff(StaffRoles.CaseData))
            .AddPolicy(StaffPolicies.CaseRecordDeletion, policy => policy.RequireStaff(StaffRoles.CaseRecordDeletion))
            .AddPolicy(StaffPolicies.CaseSupervision, policy => policy.RequireStaff(StaffRoles.Supervisor))
            .AddPolicy(StaffPolicies.ReferralIntake, policy => policy.RequireStaff(StaffRoles.ReferralIntake))
            .AddPolicy(StaffPolicies.Aggregates, policy => policy.RequireStaff(StaffRoles.Aggregates))
            .AddPolicy(StaffPolicies.Statistics, policy => policy.RequireStaff(StaffRoles.Statistics))
            .AddPolicy(StaffPolicies.Foi, policy => policy.RequireStaff(StaffRoles.Foi))
            .AddPolicy(StaffPolicies.Parliament, policy => policy.RequireStaff(StaffRoles.Parliament))
            .AddPolicy(StaffPolicies.Site, policy => policy.RequireStaff(StaffRoles.Site));

        services.Configure<RazorPagesOptions>(pages =>
        {
            // Access is decided by folder; docs/accounts.md lists what each policy lets in.
            pages.Conventions.AllowAnonymousToFolder("/Accounts/Anonymous");
            pages.Conventions.AuthorizeFolder("/Accounts/SignedIn", StaffPolicies.SignedIn);
            pages.Conventions.AuthorizeFolder("/Accounts/Staff", StaffPolicies.Staff);
            pages.Conventions.AuthorizeFolder("/Accounts/Admin", StaffPolicies.Administrators);
        });

        var perMinute = Math.Clamp(builder.Configuration.GetValue(SafeguardSettings.SignInAttemptsPerMinute, 10), 1, 10_000);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => FormRateLimits.SubmissionsPerAddress(context, SignInRateLimit, perMinute, TimeSpan.FromMinutes(1)));
        });
        services.AddSingleton<SignInThrottle>();
        // Shared by the nodes on PostgreSQL; the embedded SQLite has one process, whose memory is enough.
        services.AddSingleton<SubmissionCounter>(provider => provider.GetRequiredService<SafeguardDatabase>().Provider == DatabaseProvider.PostgreSql
            ? ActivatorUtilities.CreateInstance<DatabaseSubmissionCounter>(provider)
            : new InMemorySubmissionCounter());

        services.AddSingleton(MailSettings.Read(builder.Configuration));
        services.AddSingleton<OutboxSignal>();
        services.AddScoped(provider => new Outbox(provider.GetRequiredService<AccountsDbContext>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<OutboxSignal>(), provider.GetRequiredService<SafeguardDatabase>(), provider));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());
        services.AddScoped<InvitationService>();
        services.AddScoped<DemonstrationSignIns>();
        services.AddScoped(provider => new StaffDirectory(provider.GetRequiredService<UserManager<StaffAccount>>()));
        services.AddScoped<IAuditActorNames>(provider => provider.GetRequiredService<StaffDirectory>());
        services.AddSingleton<IModuleDatabase, AccountsDatabase>();
        return builder;
    }

    /// <summary>
    /// Staff and administrator pages: HTTPS only (their cookies are <c>Secure</c> and <c>__Host-</c>), and never stored
    /// by browsers or proxies.
    /// </summary>
    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/staff") && !context.Request.Path.StartsWithSegments("/admin"))
            {
                return next(context);
            }
            if (!context.Request.IsHttps)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(
                    "Staff pages are served over HTTPS only. Open this address with https://; behind a proxy that ends TLS, list it in Safeguard:TrustedProxies (see docs/accounts.md).");
            }
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                // The invitation link carries its token: never pass the address on.
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Harden(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.Path = "/";
    }


    /// <summary>Only an active account whose e-mail the invitation proved may sign in.</summary>
    private sealed class ActiveAndConfirmed : IUserConfirmation<StaffAccount>
    {
        public Task<bool> IsConfirmedAsync(UserManager<StaffAccount> manager, StaffAccount user) => Task.FromResult(user.IsActive && user.EmailConfirmed);
    }

    private sealed class AccountsDatabase : IModuleDatabase
    {
        public string Name => "accounts";

        public async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await services.GetRequiredService<AccountsDbContext>().Database.MigrateModuleAsync(cancellationToken);
            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in StaffRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }

        public Task LoadDemonstrationDataAsync(IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
