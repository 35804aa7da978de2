using System.Net;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Parliament;

/// <summary>
/// /parliament/your-mp with a limit of 3 answers a minute from one address, on each engine (PostgreSQL counts in the
/// database that the nodes share): the fourth look-up is refused with 429, while the empty form is still served.
/// </summary>
public abstract class YourMpRateLimitTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OwnPortalFactory
{
    [Fact]
    public async Task Lookup_MoreFromOneAddressThanAllowed_IsTooManyRequests()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var postcode in new[] { "GU11 1AB", "UB3 1AB", "MK40 1AB", "SW1A 1AB" })
        {
            statuses.Add((await client.GetAsync($"/parliament/your-mp?postcode={Uri.EscapeDataString(postcode)}", TestContext.Current.CancellationToken)).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], factory.Provider);
        (await client.GetAsync("/parliament/your-mp", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK, "the empty form is not limited");
    }
}

/// <summary>An application of its own allowing 3 look-ups a minute from one address.</summary>
public sealed class LowLookupLimitSqliteFactory : OwnSqlitePortalFactory
{
    public LowLookupLimitSqliteFactory() => Settings = new Dictionary<string, string> { ["Safeguard:Parliament:LookupsPerMinute"] = "3" };
}

/// <inheritdoc cref="LowLookupLimitSqliteFactory"/>
public sealed class LowLookupLimitPostgresFactory : OwnPostgresPortalFactory
{
    public LowLookupLimitPostgresFactory() => Settings = new Dictionary<string, string> { ["Safeguard:Parliament:LookupsPerMinute"] = "3" };
}

public sealed class SqliteYourMpRateLimitTests(LowLookupLimitSqliteFactory factory) : YourMpRateLimitTests<LowLookupLimitSqliteFactory>(factory);

public sealed class PostgresYourMpRateLimitTests(LowLookupLimitPostgresFactory factory) : YourMpRateLimitTests<LowLookupLimitPostgresFactory>(factory);
