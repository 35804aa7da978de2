using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Safeguard.Platform;

namespace Safeguard.Host;

/// <summary>
/// Prepares the database before the first request (migrations, reference data, demonstration data as configured),
/// then tells the person at the terminal where to open the application.
/// </summary>
internal sealed class DatabaseInitializationService(
    DatabaseInitializer initializer,
    SafeguardDatabase database,
    IConfiguration configuration,
    IServer server,
    IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue(SafeguardSettings.MigrateOnStart, true))
        {
            Console.WriteLine($"Preparing the {database.Describe()} ...");
            await initializer.InitializeAsync(configuration.GetValue(SafeguardSettings.DemonstrationData, true), cancellationToken);
        }
        lifetime.ApplicationStarted.Register(() =>
        {
            // Once, naming every address (HTTP and the HTTPS serve adds beside it), rather than a line each.
            var addresses = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => $"{PublicAddress.Openable(a)}/statistics").ToList();
            if (addresses.Count > 0)
            {
                Console.WriteLine($"Safeguard is running. Open {string.Join(" or ", addresses)}");
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
