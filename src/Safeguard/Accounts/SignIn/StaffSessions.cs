using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Data;
using Safeguard.Platform;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Checks a staff session on every request that carries one: the session ends after
/// <see cref="SafeguardSettings.SessionAbsoluteHours"/> however active, at once when it was signed out (a copy of its
/// cookie is refused as well), and at once when the account is deactivated or its security stamp changes ("sign out
/// everywhere", a new passphrase, a role change). Roles are read afresh from the database each time, so a role
/// removed takes effect on the next request; the cookie is not rewritten.
/// </summary>
internal static class StaffSessions
{
    /// <summary>
    /// The <c>LoginProvider</c> of the rows in Identity's token table that name a signed-out session: the session's id
    /// as <c>Name</c> and when it began (Unix seconds) as <c>Value</c>. Kept until the session would have ended anyway.
    /// </summary>
    internal const string SignedOut = "safeguard:signed-out-session";

    /// <summary>The claim holding when the session began (Unix seconds), for its absolute lifetime.</summary>
    public const string StartedClaim = "safeguard:session-started";

    /// <summary>The claim naming the session (random), so that signing out can end it on the server.</summary>
    public const string SessionIdClaim = "safeguard:session-id";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        if (principal is null
            || Started(principal) is not { } started
            || started + AbsoluteLifetime(services) <= services.GetRequiredService<TimeProvider>().GetUtcNow()
            || principal.FindFirstValue(SessionIdClaim) is not { } session)
        {
            await RejectAsync(context);
            return;
        }
        var signIn = services.GetRequiredService<SignInManager<StaffAccount>>();
        var user = await signIn.ValidateSecurityStampAsync(principal);
        if (user is not { IsActive: true }
            || await services.GetRequiredService<AccountsDbContext>().UserTokens
                .AnyAsync(t => t.UserId == user.Id && t.LoginProvider == SignedOut && t.Name == session, context.HttpContext.RequestAborted))
        {
            await RejectAsync(context);
            return;
        }
        var fresh = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)fresh.Identity!;
        foreach (var kept in principal.Claims.Where(c => c.Type is StaffPolicies.AuthenticationMethods or StartedClaim or SessionIdClaim))
        {
            identity.AddClaim(new Claim(kept.Type, kept.Value));
        }
        context.ReplacePrincipal(fresh);
    }

    /// <summary>
    /// Ends the signed-in session on the server, so that its cookie, or any copy of it, is refused from now on; the
    /// person's other sessions go on. Signed-out sessions that would have ended by now anyway are forgotten.
    /// </summary>
    public static async Task EndAsync(HttpContext context)
    {
        var principal = context.User;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } accountId
            || principal.FindFirstValue(SessionIdClaim) is not { } session
            || Started(principal) is not { } started)
        {
            return;
        }
        var services = context.RequestServices;
        var db = services.GetRequiredService<AccountsDbContext>();
        var over = services.GetRequiredService<TimeProvider>().GetUtcNow() - AbsoluteLifetime(services);
        var ended = await db.UserTokens.Where(t => t.UserId == accountId && t.LoginProvider == SignedOut).ToListAsync(context.RequestAborted);
        db.UserTokens.RemoveRange(ended.Where(t => Seconds(t.Value) is not { } began || began <= over));
        if (ended.All(t => t.Name != session))
        {
            db.UserTokens.Add(new IdentityUserToken<string>
            {
                UserId = accountId,
                LoginProvider = SignedOut,
                Name = session,
                Value = started.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            });
        }
        await db.SaveChangesAsync(context.RequestAborted);
    }

    private static TimeSpan AbsoluteLifetime(IServiceProvider services) =>
        TimeSpan.FromHours(Math.Clamp(services.GetRequiredService<IConfiguration>().GetValue(SafeguardSettings.SessionAbsoluteHours, 8.0), 0.1, 24));

    private static DateTimeOffset? Started(ClaimsPrincipal principal) => Seconds(principal.FindFirstValue(StartedClaim));

    private static DateTimeOffset? Seconds(string? unix) =>
        long.TryParse(unix, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
