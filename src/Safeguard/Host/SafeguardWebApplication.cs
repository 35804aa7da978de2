using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Safeguard.Accounts;
using Safeguard.Audit;
using Safeguard.Casework;
using Safeguard.Foi;
using Safeguard.Parliament;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;
using Safeguard.Site;
using Safeguard.Statistics;

namespace Safeguard.Host;

/// <summary>The composition root: platform services, then each module's face.</summary>
public static class SafeguardWebApplication
{
    /// <summary>
    /// The application; with <paramref name="log"/>, its log is written there instead of to the console (a command run
    /// with writers of its own, <see cref="SafeguardCommandLine.InvokeAsync(string[], TextWriter, TextWriter, IReadOnlyDictionary{string, string})"/>).
    /// </summary>
    public static WebApplication Create(string[] args, TextWriter? log = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (log is not null)
        {
            builder.Logging.ClearProviders().AddProvider(new WriterLoggerProvider(log));
        }
        builder.AddPlatform();
        builder.AddAudit();
        builder.AddAccounts();
        builder.AddStatistics();
        builder.AddFoi();
        builder.AddCasework();
        builder.AddParliament();
        builder.AddSite();

        var app = builder.Build();
        app.UsePlatform();
        app.MapAccounts();
        app.MapStatistics();
        app.MapFoi();
        app.MapCasework();
        app.MapParliament();
        app.MapSite();
        return app;
    }

    private static void AddPlatform(this WebApplicationBuilder builder)
    {
        UseBuiltFilesWhenRunFromElsewhere(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        PublicAddress.ReadConfigured(builder.Configuration);
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton(services => SafeguardDatabase.FromConfiguration(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddFieldEncryption();
        builder.Services.AddSingleton<DatabaseInitializer>();
        builder.Services.AddHostedService<DatabaseInitializationService>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/";
            options.Conventions.AllowAnonymousToFolder("/SystemPages");
        });
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        builder.Services.AddCors(options => options.AddPolicy(PlatformPolicies.ReadOnlyCors, policy =>
            policy.AllowAnyOrigin().WithMethods(ReadEndpoints.Methods).AllowAnyHeader().WithExposedHeaders("ETag", "Link")));
        builder.Services.AddOpenApi("v1", options =>
        {
            // Every read answers HEAD as it answers GET (ReadEndpoints); described twice, each operation's id would be too.
            var included = options.ShouldInclude;
            options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? "") && included(description);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Safeguard API";
                document.Info.Description = "Published immigration detention statistics: releases, themes, measures, places and observations, each with its status and source; and the FOI Act's statutory clock (when an answer is due).";
                return Task.CompletedTask;
            });
        });
    }

    private static void UsePlatform(this WebApplication app)
    {
        // Once serving (a command builds the application but never starts it), so the warning can name the address used.
        if (app.Environment.IsProduction())
        {
            app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<PublicAddress>().WarnIfNotConfigured);
        }
        // Only the proxies named in Safeguard:TrustedProxies are believed about the client's address and scheme; with
        // none named, no one is (TrustedProxies).
        app.UseForwardedHeaders();
        app.UseErrorResponses();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS responses only (and never for localhost); TLS itself ends at Kestrel or the proxy in front.
            app.UseHsts();
        }
        // Routing after the error middleware, so a re-executed error request is routed to the error page.
        app.UseRouting();
        app.UseCors();
        // Before the output cache, so that nothing protected is ever served from it; every endpoint names its
        // policy or allows anonymous access (see Platform/Web/StaffPolicies).
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        // After the output cache: a cached response already carries these headers, so a cache hit costs nothing more.
        app.UseSecurityHeaders();
        // Only /css and /js are looked up on disk, so page and API requests cost no file-system probe.
        foreach (var folder in new[] { "css", "js" })
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/" + folder,
                FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, folder)),
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
            });
        }
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").RequireCors(PlatformPolicies.ReadOnlyCors).AllowAnonymous();
    }

    /// <summary>
    /// <c>./safeguard serve</c> runs from wherever the person stands, where there is no appsettings.json or wwwroot;
    /// the build copies both beside the assembly, so use those. The settings file goes first, so environment
    /// variables and command-line options still override it.
    /// </summary>
    private static void UseBuiltFilesWhenRunFromElsewhere(WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        if (!File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json"))
            && File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = true,
            });
        }
        var built = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(environment.WebRootPath) && Directory.Exists(built))
        {
            environment.WebRootPath = built;
            environment.WebRootFileProvider = new PhysicalFileProvider(built);
        }
    }
}
