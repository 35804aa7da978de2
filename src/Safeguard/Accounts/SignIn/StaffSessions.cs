using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Safeguard.Platform;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Checks a staff session on every request that carries one: the session ends after
/// <see cref="SafeguardSettings.SessionAbsoluteHours"/> however active, and at once when the account is deactivated
/// or its security stamp changes ("sign out everywhere", a new passphrase, a role change). Roles are read afresh
/// from the database each time, so a role removed takes effect on the next request; the cookie is not rewritten.
/// </summary>
internal static class StaffSessions
{
    /// <summary>The claim holding when the session began (Unix seconds), for its absolute lifetime.</summary>
    public const string StartedClaim = "safeguard:session-started";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var principal = context.Principal;
        var absolute = TimeSpan.FromHours(Math.Clamp(configuration.GetValue(SafeguardSettings.SessionAbsoluteHours, 8.0), 0.1, 24));
        if (principal is null
            || !long.TryParse(principal.FindFirstValue(StaffSessions.StartedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            || DateTimeOffset.FromUnixTimeSeconds(started) + absolute <= clock.GetUtcNow())
        {
            await RejectAsync(context);
            return;
        }
        var signIn = services.GetRequiredService<SignInManager<StaffAccount>>();
        var user = await signIn.ValidateSecurityStampAsync(principal);
        if (user is not { IsActive: true })
        {
            await RejectAsync(context);
            return;
        }
        var fresh = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)fresh.Identity!;
        foreach (var kept in principal.Claims.Where(c => c.Type is StaffPolicies.AuthenticationMethods or StaffSessions.StartedClaim))
        {
            identity.AddClaim(new Claim(kept.Type, kept.Value));
        }
        context.ReplacePrincipal(fresh);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
