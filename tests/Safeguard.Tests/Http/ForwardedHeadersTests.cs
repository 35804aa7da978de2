using System.Net;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Casework;
using Safeguard.Platform;

namespace Safeguard.Tests.Http;

/// <summary>
/// Clients that name their own address or scheme in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, against the
/// application on Kestrel (the in-memory test server has no connection address to compare with), on each engine. With no
/// proxy trusted, nothing they claim is believed: the per-address limits hold, the audit trail records the
/// connection's address, and the HTTPS-only pages stay refused over HTTP.
/// </summary>
public abstract class ForwardedHeadersTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_EachAttemptNamingAnotherForwardedAddress_MeetsTheLimitAndTheTrailRecordsTheConnectionsAddress()
    {
        using var client = DirectClients.Client(factory, "https");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= DirectClients.SubmissionsAllowed + 1; attempt++)
        {
            var page = new HtmlParser().ParseDocument(await client.GetStringAsync(AccountsPaths.SignIn, Cancel));
            var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]").ShouldNotBeNull().Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, AccountsPaths.SignIn)
            {
                Content = new FormUrlEncodedContent([new("Email", $"nobody-{attempt}@example.org"), new("Passphrase", "not anyone's passphrase"), new("__RequestVerificationToken", token)]),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt}");
            statuses.Add((await client.SendAsync(request, Cancel)).StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        var failures = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { Action = AuditAction.SignInFailed }, Cancel);
        failures.Count.ShouldBe(DirectClients.SubmissionsAllowed);
        failures.ShouldAllBe(entry => entry.Source == "127.0.0.1");
    }

    [Fact]
    public async Task Refer_EachSubmissionNamingAnotherForwardedAddress_MeetsTheLimit()
    {
        using var client = DirectClients.Client(factory, "https");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= DirectClients.SubmissionsAllowed + 1; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, CaseworkPaths.Refer) { Content = new FormUrlEncodedContent([new("ReferrerName", "Someone")]) };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{attempt}");
            statuses.Add((await client.SendAsync(request, Cancel)).StatusCode);
        }

        statuses.Take(DirectClients.SubmissionsAllowed).ShouldNotContain(HttpStatusCode.TooManyRequests);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SignInPage_OverHttpClaimingHttps_IsStillRefused()
    {
        // Every other staff page sends an anonymous request here first.
        using var client = DirectClients.Client(factory, "http");
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountsPaths.SignIn);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("Staff pages are served over HTTPS only.");
    }

    [Fact]
    public async Task Refer_OverHttpClaimingHttps_IsSentToHttpsWithoutACookie()
    {
        using var client = DirectClients.Client(factory, "http");
        using var request = new HttpRequestMessage(HttpMethod.Get, CaseworkPaths.Refer);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().Scheme.ShouldBe("https");
        response.Headers.Location.AbsolutePath.ShouldBe(CaseworkPaths.Refer);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }
}

/// <summary>The same requests from a proxy that is trusted: what it forwards is believed.</summary>
public abstract class TrustedProxyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TrustedProxy_ForwardsTheSchemeAndEachClientsAddress_BothBelieved()
    {
        using var client = DirectClients.Client(factory, "http");
        using var page = new HttpRequestMessage(HttpMethod.Get, AccountsPaths.SignIn);
        page.Headers.Add("X-Forwarded-Proto", "https");
        (await client.SendAsync(page, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "the proxy ended TLS");

        for (var attempt = 1; attempt <= DirectClients.SubmissionsAllowed + 1; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AccountsPaths.SignIn) { Content = new FormUrlEncodedContent([new("Email", "nobody@example.org")]) };
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt}");
            // No antiforgery token: refused by the form, not by the limit, since each client has a limit of its own.
            (await client.SendAsync(request, Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"attempt {attempt}");
        }
    }
}

/// <summary>Applications on Kestrel at loopback ports, over HTTP and HTTPS, with the public forms' per-address limits low.</summary>
internal static class DirectClients
{
    /// <summary>Sign-in and referral submissions allowed from one address (a minute, an hour).</summary>
    public const int SubmissionsAllowed = 3;

    /// <summary>The certificate the applications serve HTTPS with, and the only one their clients accept.</summary>
    private static readonly X509Certificate2 Certificate = LoopbackCertificate.Create();

    public static Dictionary<string, string> Settings(string? trustedProxies = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Safeguard:Accounts:SignInAttemptsPerMinute"] = $"{SubmissionsAllowed}",
            ["Safeguard:Casework:ReferralsPerHour"] = $"{SubmissionsAllowed}",
        };
        if (trustedProxies is not null)
        {
            settings[SafeguardSettings.TrustedProxies] = trustedProxies;
        }
        return settings;
    }

    public static void ListenOnHttpAndHttps(PortalFactory factory) =>
        factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate));
        });

    /// <summary>A client of the application's <paramref name="scheme"/> address, accepting its certificate alone, keeping cookies, not following redirects.</summary>
    public static HttpClient Client(PortalFactory factory, string scheme)
    {
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>().ShouldNotBeNull().Addresses;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == Certificate.GetCertHashString();
        return new HttpClient(handler) { BaseAddress = new Uri(addresses.Single(a => a.StartsWith(scheme + "://", StringComparison.Ordinal))) };
    }
}

/// <summary>The application on SQLite, on Kestrel, trusting no proxy (or the proxies a subclass names).</summary>
public class SqliteDirectClientsFactory : OwnSqlitePortalFactory
{
    public SqliteDirectClientsFactory()
        : this(trustedProxies: null)
    {
    }

    protected SqliteDirectClientsFactory(string? trustedProxies)
    {
        Settings = DirectClients.Settings(trustedProxies);
        DemonstrationData = false;
    }

    public override ValueTask InitializeAsync()
    {
        DirectClients.ListenOnHttpAndHttps(this);
        return base.InitializeAsync();
    }
}

/// <summary>The application on PostgreSQL, on Kestrel, trusting no proxy (or the proxies a subclass names).</summary>
public class PostgresDirectClientsFactory : OwnPostgresPortalFactory
{
    public PostgresDirectClientsFactory()
        : this(trustedProxies: null)
    {
    }

    protected PostgresDirectClientsFactory(string? trustedProxies)
    {
        Settings = DirectClients.Settings(trustedProxies);
        DemonstrationData = false;
    }

    public override async ValueTask InitializeAsync()
    {
        DirectClients.ListenOnHttpAndHttps(this);
        await base.InitializeAsync();
    }
}

/// <summary>The application on SQLite, on Kestrel, trusting the proxy at 127.0.0.1.</summary>
public sealed class SqliteTrustedProxyFactory() : SqliteDirectClientsFactory(trustedProxies: "127.0.0.1");

/// <summary>The application on PostgreSQL, on Kestrel, trusting an address and the network 127.0.0.0/8.</summary>
public sealed class PostgresTrustedProxyFactory() : PostgresDirectClientsFactory(trustedProxies: "10.0.0.1, 127.0.0.0/8");

public sealed class SqliteForwardedHeadersTests(SqliteDirectClientsFactory factory) : ForwardedHeadersTests<SqliteDirectClientsFactory>(factory);

public sealed class PostgresForwardedHeadersTests(PostgresDirectClientsFactory factory) : ForwardedHeadersTests<PostgresDirectClientsFactory>(factory);

public sealed class SqliteTrustedProxyTests(SqliteTrustedProxyFactory factory) : TrustedProxyTests<SqliteTrustedProxyFactory>(factory);

public sealed class PostgresTrustedProxyTests(PostgresTrustedProxyFactory factory) : TrustedProxyTests<PostgresTrustedProxyFactory>(factory);
