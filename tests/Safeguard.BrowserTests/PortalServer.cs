using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Safeguard.BrowserTests;

/// <summary>
/// The real application on Kestrel at a loopback port, on a fresh SQLite file of its own; its start-up migrates the
/// database and loads the demonstration release, as <c>./safeguard serve</c> does.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-browser-").FullName;

    public PortalServer()
    {
        try
        {
            UseKestrel(0);
            StartServer();
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:43117/</c>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Safeguard:HomeOfficeDemonstrationFolder", "");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Directory.Delete(folder, recursive: true);
    }
}
