using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Safeguard.Platform;

/// <summary>
/// The site's public address, for links that must work away from the page: in e-mails, citations, calendar feeds and
/// the command line's invitation links. One answer everywhere, without a trailing slash:
/// <list type="number">
/// <item><c>Safeguard:PublicBaseUrl</c>, when it is set;</item>
/// <item>otherwise, while answering a request, the address that request came to (scheme, host and path base);</item>
/// <item>otherwise (a background service, a command) the address the running server listens on, HTTPS first;</item>
/// <item>and with no server listening (a command), the address <c>serve</c> would listen on (<see cref="ServeAddresses"/>),
/// HTTPS first: on one's own machine, the HTTPS address serve adds for the staff pages.</item>
/// </list>
/// Only the first is sure to be the address people use (behind a proxy, the others are the server's own), so a
/// production server without it says so once it has started (<see cref="WarnIfNotConfigured"/>).
/// </summary>
public sealed partial class PublicAddress(IConfiguration configuration, IServer server, ILogger<PublicAddress> logger)
{
    private static readonly string[] WildcardHosts = ["[::]", "0.0.0.0", "+", "*"];

    /// <summary>The configured address, or null.</summary>
    public string? Configured { get; } = ReadConfigured(configuration);

    /// <summary>
    /// <c>Safeguard:PublicBaseUrl</c> without its trailing slash, or null when it is not set; read once at start-up too,
    /// so that an address that is not an absolute http or https one stops Safeguard there, not on every page that cites.
    /// </summary>
    /// <exception cref="InvalidSettingException">It is set, but not to an absolute http or https address.</exception>
    public static string? ReadConfigured(IConfiguration configuration)
    {
        if (configuration[SafeguardSettings.PublicBaseUrl] is not { Length: > 0 } url)
        {
            return null;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            throw new InvalidSettingException(
                $"{SafeguardSettings.PublicBaseUrl} is '{url}', which is not the site's public address: give it whole, with http:// or https:// and no query, for example https://safeguard.example.org (docs/configuration.md).");
        }
        return url.TrimEnd('/');
    }

    /// <summary>The address links start with, for a request or, when <paramref name="request"/> is null, for work done without one.</summary>
    public string Of(HttpRequest? request) =>
        Configured ?? (request is null ? Listening() : $"{request.Scheme}://{request.Host}{request.PathBase}");

    /// <summary>
    /// An address a server listens on, as a person can open it: a wildcard host (<c>[::]</c>, <c>0.0.0.0</c>,
    /// <c>+</c>, <c>*</c>) becomes <c>localhost</c>, where the server can be reached too.
    /// </summary>
    public static string Openable(string listening)
    {
        foreach (var wildcard in WildcardHosts)
        {
            listening = listening.Replace($"://{wildcard}", "://localhost", StringComparison.Ordinal);
        }
        return listening.TrimEnd('/');
    }

    /// <summary>Logs a warning, on a production server, that links made without a request may not reach people.</summary>
    public void WarnIfNotConfigured()
    {
        if (Configured is null)
        {
            LogNotConfigured(logger, SafeguardSettings.PublicBaseUrl, Listening());
        }
    }

    private string Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses is { Count: > 0 } bound
            ? (IEnumerable<string>)bound
            : ServeAddresses.Of(configuration);
        return addresses.OrderByDescending(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).Select(Openable).FirstOrDefault() ?? ServeAddresses.KestrelDefault;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set, so links in e-mails sent without a request (FOI reminders) start with {Address}, where this server listens, and links made while answering a request (citations, invitations, calendar feeds) start with the address the request came to; behind a proxy, neither may be the address people use: set it to the site's public address, such as https://safeguard.example.org (docs/configuration.md).")]
    private static partial void LogNotConfigured(ILogger logger, string setting, string address);
}
