using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Safeguard.Platform.Web;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// The fallback policy's one requirement: an endpoint must say who may use it (a named policy, or anonymous access).
/// One that says neither is refused, so a page added without a policy fails closed, and the endpoint test names it.
/// A request that matched no endpoint passes, to become the usual 404.
/// </summary>
internal sealed class ClassifiedEndpointRequirement : AuthorizationHandler<ClassifiedEndpointRequirement>, IAuthorizationRequirement
{
    /// <summary>The display name of the endpoint routing makes for a 405 (Microsoft.AspNetCore.Routing.Matching.HttpMethodMatcherPolicy).</summary>
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClassifiedEndpointRequirement requirement)
    {
        // Routing's own answer to a known address asked with the wrong method is no endpoint of ours either.
        if (context.Resource is HttpContext http && (http.GetEndpoint() is not { } endpoint || endpoint.DisplayName == MethodNotAllowedEndpoint))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// How refusals look. Someone not signed in is sent to sign in. Someone signed in with a passphrase only is sent to
/// set up their second factor. Someone signed in whose role does not reach the page gets "not found", as for an
/// address that does not exist, so that nobody can find out what exists by probing.
/// </summary>
internal sealed class NotFoundForStaffWithoutAccess : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            if (!context.User.HasClaim(StaffPolicies.AuthenticationMethods, StaffPolicies.MultiFactor) && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect(AccountsPaths.Enrol);
                return Task.CompletedTask;
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
