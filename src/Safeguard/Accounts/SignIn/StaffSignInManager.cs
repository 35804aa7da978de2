using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// Identity's sign-in, with one addition: every session carries the time it began, which
/// <see cref="StaffSessions"/> uses to end it after its absolute lifetime, and a random id, by which signing out ends it
/// on the server. A refresh of the same person's session (after enrolling the second factor, say) keeps both.
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
        var claims = additionalClaims.Where(c => c.Type is not (StaffSessions.StartedClaim or StaffSessions.SessionIdClaim)).ToList();
        var current = Context.User;
        var samePerson = current.FindFirst(ClaimTypes.NameIdentifier)?.Value == user.Id;
        var started = samePerson ? current.FindFirst(StaffSessions.StartedClaim)?.Value : null;
        var session = samePerson ? current.FindFirst(StaffSessions.SessionIdClaim)?.Value : null;
        claims.Add(new Claim(StaffSessions.StartedClaim, started ?? clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        claims.Add(new Claim(StaffSessions.SessionIdClaim, session ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }
}
