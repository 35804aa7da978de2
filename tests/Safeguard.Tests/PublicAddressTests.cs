using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.Platform;

namespace Safeguard.Tests;

/// <summary>The site's public address, in the order <see cref="PublicAddress"/> looks for it.</summary>
public sealed class PublicAddressTests
{
    private static PublicAddress Address(Dictionary<string, string?> settings, params string[] listening)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new PublicAddress(configuration, new ListeningServer(listening), NullLogger<PublicAddress>.Instance);
    }

    private static HttpRequest Request(string scheme, string host, string pathBase)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);
        request.PathBase = pathBase;
        return request;
    }

    [Fact]
    public void Of_PublicBaseUrlSet_IsThatWithoutItsLastSlash_WithARequestOrWithout()
    {
        var address = Address(new() { [SafeguardSettings.PublicBaseUrl] = "https://safeguard.example.org/" }, "http://127.0.0.1:5000");
        address.Of(Request("http", "10.0.0.5:8080", "")).ShouldBe("https://safeguard.example.org");
        address.Of(null).ShouldBe("https://safeguard.example.org");
    }

    [Theory]
    [InlineData("statistics.example.org")]
    [InlineData("ftp://statistics.example.org")]
    [InlineData("/statistics")]
    [InlineData("https://statistics.example.org/?from=mail")]
    public void PublicBaseUrl_NotAWholeWebAddress_IsRefusedSayingWhatItShouldLookLike(string configured)
    {
        var refused = Should.Throw<InvalidSettingException>(() => Address(new() { [SafeguardSettings.PublicBaseUrl] = configured }));
        refused.Message.ShouldBe($"{SafeguardSettings.PublicBaseUrl} is '{configured}', which is not the site's public address: give it whole, with http:// or https:// and no query, for example https://safeguard.example.org (docs/configuration.md).");
    }

    [Fact]
    public void Of_ARequest_IsTheAddressItCameTo_WithItsPathBase() =>
        Address([], "http://127.0.0.1:5000").Of(Request("https", "evidence.example.org", "/safeguard")).ShouldBe("https://evidence.example.org/safeguard");

    [Theory]
    [InlineData("http://127.0.0.1:43117", "http://127.0.0.1:43117")]
    [InlineData("http://[::]:8080;https://[::]:8443", "https://localhost:8443")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    public void Of_NoRequest_IsWhereTheServerListens_HttpsFirst_AWildcardAsLocalhost(string listening, string expected) =>
        Address([], listening.Split(';')).Of(null).ShouldBe(expected);

    [Theory]
    [InlineData(null, "https://localhost:5001")]
    [InlineData("http://127.0.0.1:8080", "https://127.0.0.1:8081")]
    [InlineData("http://localhost:5000;https://localhost:7001", "https://localhost:7001")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    public void Of_NoRequestAndNoServerListening_IsWhereServeWouldListen_HttpsFirst(string? urls, string expected) =>
        Address(new() { ["urls"] = urls }).Of(null).ShouldBe(expected);

    [Fact]
    public void Of_NoRequestAndNoServerListening_OnPostgreSql_AddsNoHttps() =>
        Address(new() { ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=safeguard" }).Of(null).ShouldBe("http://localhost:5000");

    /// <summary>A server that listens on the given addresses (none: a command, which builds the application but never starts it).</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
