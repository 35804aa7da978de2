namespace Safeguard.Platform.Encryption;

/// <summary>Registers field encryption: the key ring, <see cref="FieldEncryption"/>, and the check that loads the key ring at start-up.</summary>
internal static class FieldEncryptionServices
{
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services)
    {
        services.AddSingleton<KeyRingStore>();
        services.AddSingleton(provider => new FieldEncryption(provider.GetRequiredService<KeyRingStore>()));
        services.AddSingleton<KeyRotation>();
        services.AddHostedService<KeyRingCheck>();
        return services;
    }

    /// <summary>
    /// Loads the key ring as the application starts, before the database is prepared: a missing or malformed key file
    /// stops <c>serve</c> at once with its one sentence (exit 2), not at the first sign-in.
    /// </summary>
    private sealed class KeyRingCheck(KeyRingStore keys) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = keys.Ring;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
