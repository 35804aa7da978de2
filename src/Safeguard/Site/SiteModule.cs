using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web;

namespace Safeguard.Site;

/// <summary>
/// The Site module's face: the charity's public site (its home page and news) and the editors' pages that write it.
/// </summary>
public static class SiteModule
{
    /// <summary>Registers the module's pages and the policy each folder names.</summary>
    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        // The editors' pages: editors and administrators (docs/accounts.md).
        builder.Services.Configure<RazorPagesOptions>(pages => pages.Conventions.AuthorizeFolder("/Site/Staff", StaffPolicies.Site));
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static WebApplication MapSite(this WebApplication app) => app;
}
