using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Safeguard.Platform;

/// <summary>
/// Which reverse proxies are believed about the client (<see cref="SafeguardSettings.TrustedProxies"/>): only a request
/// whose connection comes from one of them has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> read. With
/// none configured the headers are not read at all: ASP.NET Core believes them from every address when it knows no
/// proxy, and a client that names its own address or scheme could then escape the per-address rate limits, write any
/// address into the audit trail and open the HTTPS-only pages over plain HTTP.
/// </summary>
internal static class TrustedProxies
{
    /// <summary>Reads the setting now, so an entry that is not an address or a network stops start-up with a sentence.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Read(configuration);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            forwarded.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                forwarded.KnownIPNetworks.Add(proxy);
            }
        });
        return services;
    }

    /// <summary>The configured proxies: each an address (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/24</c>), comma-separated.</summary>
    /// <exception cref="InvalidSettingException">An entry is neither.</exception>
    public static IReadOnlyList<IPNetwork> Read(IConfiguration configuration)
    {
        var proxies = new List<IPNetwork>();
        foreach (var entry in (configuration[SafeguardSettings.TrustedProxies] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                proxies.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new InvalidSettingException(
                    $"{SafeguardSettings.TrustedProxies} lists '{entry}', which is neither an IP address nor a network: give the addresses of the proxies in front of Safeguard, separated by commas, for example 127.0.0.1 or 10.0.0.0/24 (docs/configuration.md).");
            }
        }
        return proxies;
    }
}
