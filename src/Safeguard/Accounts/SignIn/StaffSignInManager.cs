using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Identity's sign-in, with one addition: every session carries the time it began, which
/// <see cref="StaffSessions"/> uses to end it after its absolute lifetime. A refresh of the same person's session
/// (after enrolling the second factor, say) keeps the original time.
/// </summary>
internal sealed class StaffSignInManager(
    UserManager<StaffAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffAccount> confirmation,
    TimeProvider clock)
    : SignInManager<StaffAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override Task SignInWithClaimsAsync(StaffAccount user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != StaffSessions.StartedClaim).ToList();
        var current = Context.User;
        var started = current.FindFirst(ClaimTypes.NameIdentifier)?.Value == user.Id
            ? current.FindFirst(StaffSessions.StartedClaim)?.Value
            : null;
        claims.Add(new Claim(StaffSessions.StartedClaim, started ?? clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
