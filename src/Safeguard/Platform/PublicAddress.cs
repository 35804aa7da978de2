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
/// <item>and with no server listening (a command), the address <c>serve</c> would listen on: <c>--urls</c>
/// (<c>ASPNETCORE_URLS</c>), else ASP.NET Core's default, <c>http://localhost:5000</c>.</item>
/// </list>
/// Only the first is sure to be the address people use (behind a proxy, the others are the server's own), so a
/// production server without it says so once it has started (<see cref="WarnIfNotConfigured"/>).
/// </summary>
public sealed partial class PublicAddress(IConfiguration configuration, IServer server, ILogger<PublicAddress> logger)
{
    /// <summary>Where Kestrel listens when nothing says otherwise.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    private static readonly string[] WildcardHosts = ["[::]", "0.0.0.0", "+", "*"];

    /// <summary>The configured address, or null.</summary>
    public string? Configured { get; } = configuration[SafeguardSettings.PublicBaseUrl] is { Length: > 0 } url ? url.TrimEnd('/') : null;

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
            ? bound
            : (configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return addresses.OrderByDescending(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).Select(Openable).FirstOrDefault() ?? KestrelDefault;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set, so links in e-mails sent without a request (FOI reminders) start with {Address}, where this server listens, which may not be the address people use (behind a proxy it is not): set it to the site's public address, such as https://safeguard.example.org (docs/configuration.md).")]
    private static partial void LogNotConfigured(ILogger logger, string setting, string address);
}
