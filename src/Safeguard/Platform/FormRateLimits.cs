using System.Threading.RateLimiting;

namespace Safeguard.Platform;

/// <summary>How forms anyone can reach (sign-in, the referral form) are rate-limited.</summary>
public static class FormRateLimits
{
    /// <summary>
    /// At most <paramref name="permitLimit"/> submissions (POSTs) of <paramref name="form"/> per <paramref name="window"/>
    /// from one client address, counted by the <see cref="SubmissionCounter"/> (across nodes on PostgreSQL); reading the
    /// form is never limited. The client address is the proxy's forwarded one where the proxy is trusted.
    /// </summary>
    public static RateLimitPartition<string> SubmissionsPerAddress(HttpContext context, string form, int permitLimit, TimeSpan window)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reading");
        }
        return PerAddress(context, form, permitLimit, window);
    }

    /// <summary>
    /// At most <paramref name="permitLimit"/> answers of a public look-up page per <paramref name="window"/> from one
    /// client address, counted as <see cref="SubmissionsPerAddress"/> counts: a GET that asks (carries
    /// <paramref name="query"/>) and every POST; the empty form is never limited.
    /// </summary>
    public static RateLimitPartition<string> LookupsPerAddress(HttpContext context, string page, string query, int permitLimit, TimeSpan window)
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !context.Request.Query.ContainsKey(query))
        {
            return RateLimitPartition.GetNoLimiter("reading");
        }
        return PerAddress(context, page, permitLimit, window);
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string form, int permitLimit, TimeSpan window)
    {
        var counter = context.RequestServices.GetRequiredService<SubmissionCounter>();
        return RateLimitPartition.Get($"{form} {context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}",
            key => new CountedRateLimiter(counter, key, permitLimit, window));
    }

    /// <summary>
    /// One client address's limit of one form, as the rate limiting middleware asks for it. The count is asynchronous
    /// (it may be a database's), so the synchronous attempt the middleware makes first never grants a permit: the
    /// middleware then asks asynchronously, and that counts. It holds nothing but its key.
    /// </summary>
    private sealed class CountedRateLimiter(SubmissionCounter counter, string key, int permitLimit, TimeSpan window) : RateLimiter
    {
        // Idle from the start: the middleware may drop it whenever it likes, since the count is not kept here.
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => CountedLease.Refused;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            permitCount == 0 || await counter.TryCountAsync(key, permitLimit, window, cancellationToken) ? CountedLease.Granted : CountedLease.Refused;
    }

    private sealed class CountedLease(bool acquired) : RateLimitLease
    {
        public static readonly CountedLease Granted = new(true);

        public static readonly CountedLease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
