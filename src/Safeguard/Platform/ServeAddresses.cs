namespace Safeguard.Platform;

/// <summary>
/// The addresses <c>./safeguard serve</c> listens on: <c>--urls</c> (<c>ASPNETCORE_URLS</c>), else ASP.NET Core's
/// default <c>http://localhost:5000</c>; and, on the person's own machine with no HTTPS address among them, HTTPS
/// beside it, since the staff pages need HTTPS (the development certificate serves it).
/// </summary>
internal static class ServeAddresses
{
    /// <summary>Where Kestrel listens when nothing says otherwise.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>The addresses configured, or the default.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration) =>
        (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls ? urls : KestrelDefault)
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Whether Safeguard runs on the person's own machine: the embedded SQLite database, and every address on loopback
    /// (no wildcard, no other host). Only there does it add HTTPS with the development certificate and offer
    /// demonstration sign-in links; a server that others reach, or that shares a PostgreSQL database, never does.
    /// </summary>
    public static bool OnOwnMachine(IConfiguration configuration, IEnumerable<string> urls) =>
        (configuration.GetConnectionString("Default") is not { Length: > 0 } connectionString || !SafeguardDatabase.IsPostgreSql(connectionString))
        && urls.All(url => Uri.TryCreate(url, UriKind.Absolute, out var address) && address.IsLoopback);

    /// <summary>
    /// The HTTPS address serve adds beside the first configured one, on the next port (any free port where that one is
    /// 0), when it runs on the person's own machine and none is configured; otherwise null.
    /// </summary>
    public static string? AddedHttps(IConfiguration configuration)
    {
        var urls = Configured(configuration);
        if (urls.Count == 0 || !OnOwnMachine(configuration, urls) || urls.Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var first = new Uri(urls[0]);
        return $"https://{first.Host}:{(first.Port == 0 ? 0 : first.Port + 1)}";
    }

    /// <summary>Every address serve listens on: those configured, and the HTTPS one it adds (<see cref="AddedHttps"/>).</summary>
    public static IReadOnlyList<string> Of(IConfiguration configuration) =>
        AddedHttps(configuration) is { } https ? [.. Configured(configuration), https] : Configured(configuration);
}
