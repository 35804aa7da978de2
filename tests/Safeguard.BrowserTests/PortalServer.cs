using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Tests;

namespace Safeguard.BrowserTests;

/// <summary>
/// The real application on Kestrel at a loopback port, over HTTPS with a certificate made for the run (staff pages
/// and their <c>__Host-</c> cookies need HTTPS, as in production), on a fresh SQLite file of its own; its start-up
/// migrates the database and loads the demonstration release, as <c>./safeguard serve</c> does. E-mail goes to
/// <see cref="MailFolder"/>. Its clock (<see cref="Clock"/>) starts on a fixed working day, so journeys that count days
/// count the same whatever the real date; like the HTTP tests' applications, it runs without the daily FOI reminders
/// (<see cref="DailyFoiReminders"/>).
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-browser-").FullName;

    public PortalServer()
        : this(new MovableClock())
    {
    }

    private PortalServer(MovableClock clock)
    {
        Clock = clock;
        try
        {
            var certificate = LoopbackCertificate.Create();
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
            StartServer();
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Where the server listens, e.g. <c>https://127.0.0.1:43117/</c>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>
    /// The same server by the name <c>localhost</c>, which its certificate also names: WebAuthn needs a domain as the
    /// relying party, never an IP address. (Chromium runs passkey ceremonies against its virtual authenticator on this
    /// self-signed certificate, which the contexts are told to accept.)
    /// </summary>
    public Uri LocalhostAddress => new UriBuilder(BaseAddress) { Host = "localhost" }.Uri;

    /// <summary>Where the application writes e-mails as .eml files.</summary>
    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>
    /// The application's clock, from <see cref="MovableClock.Start"/> (or the start given to <see cref="StartingAt"/>):
    /// codes for signing in are made on it.
    /// </summary>
    public MovableClock Clock { get; }

    /// <summary>
    /// A server of a test's own whose clock starts at <paramref name="start"/>: for what shows only at another time
    /// of year, without moving the shared server's clock under the tests running beside it.
    /// </summary>
    public static PortalServer StartingAt(DateTimeOffset start) => new(new MovableClock(start));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Each request's start and end, time-stamped: printed only when a test in this project fails, to say what the
        // server was doing meanwhile.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.UseSetting("Logging:Console:FormatterOptions:SingleLine", "true");
        builder.UseSetting("Logging:Console:FormatterOptions:TimestampFormat", "HH:mm:ss.fff ");
        builder.UseSetting("Safeguard:HomeOfficeDemonstrationFolder", "");
        // The register's files are small; with them /parliament/appg is scanned with the group's real members.
        builder.UseSetting("Safeguard:ParliamentDemonstrationFolder", SharedParliamentData());
        builder.UseSetting("Safeguard:Mail:PickupFolder", MailFolder);
        // Every journey signs in from 127.0.0.1 on this one server; the per-address limit has an HTTP test of its own.
        builder.UseSetting("Safeguard:Accounts:SignInAttemptsPerMinute", "10000");
        // A key ring of this server's own, so no key file is written beside the test binaries or shared between runs.
        builder.UseSetting("Safeguard:Encryption:KeyRing", KeyRing());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock).WithoutDailyFoiReminders().WithoutDailyAppgReminders());
    }

    private static string KeyRing() =>
        $$"""{ "format": "safeguard-key-ring", "formatVersion": 1, "current": "browser-tests", "keys": [ { "id": "browser-tests", "created": "2026-01-01T00:00:00Z", "key": "{{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}}" } ] }""";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The public register files kept beside the repository (../shared/data/parliament).</summary>
    private static string SharedParliamentData()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Safeguard.slnx")))
        {
            folder = folder.Parent;
        }
        return Path.GetFullPath(Path.Combine(folder?.FullName ?? ".", "..", "shared", "data", "parliament"));
    }
}
