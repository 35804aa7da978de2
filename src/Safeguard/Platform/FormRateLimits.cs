using System.Threading.RateLimiting;

namespace Safeguard.Platform;

/// <summary>How forms anyone can reach (sign-in, the referral form) are rate-limited.</summary>
public static class FormRateLimits
{
    /// <summary>
    /// At most <paramref name="permitLimit"/> submissions (POSTs) per <paramref name="window"/> from one client address;
    /// reading the form is never limited. The client address is the proxy's forwarded one where the proxy is trusted.
    /// </summary>
    public static RateLimitPartition<string> SubmissionsPerAddress(HttpContext context, int permitLimit, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitLimit,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("reading");
}
