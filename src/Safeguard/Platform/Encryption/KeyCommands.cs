using System.CommandLine;
using Safeguard.Audit;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// <c>keys init</c>: the encryption key ring, managed from the server's terminal (docs/encryption.md). Key changes
/// are recorded on the audit trail by key id; key material is never printed.
/// </summary>
public static class KeyCommands
{
    /// <summary>Exit code of a refused key command.</summary>
    public const int Refused = 1;

    /// <summary>The <c>keys</c> command, opening the application's services through <paramref name="open"/>.</summary>
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> open) =>
        new("keys", "The encryption key ring: the keys outside the database that encrypt identifying and health fields and documents.")
        {
            Init(open),
        };

    private static Command Init(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var command = new Command("init", "Create the key file (Safeguard:Encryption:KeyFile) with one new key, readable by its owner only. Refuses to replace a key file that exists.");
        command.SetAction((result, cancellationToken) => ReportingRefusalsAsync(async () =>
        {
            using var host = await open(result, cancellationToken);
            var keys = host.Services.GetRequiredService<KeyRingStore>();
            if (keys.FromEnvironment)
            {
                throw new KeyRingUnavailableException($"The key ring comes from {SafeguardSettings.EncryptionKeyRing} in the environment; there is no key file to create.");
            }
            var ring = KeyRingStore.CreateFile(keys.FilePath, host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await RecordAsync(host.Services, ring.Current.Id, $"key ring created in {keys.FilePath} with key {ring.Current.Id}", cancellationToken);
            Console.WriteLine($"Created the key file {keys.FilePath} with key {ring.Current.Id}.");
            Console.WriteLine("Back it up now, apart from the database backups: without it the encrypted data cannot be read (docs/encryption.md).");
        }));
        return command;
    }

    private static async Task<int> ReportingRefusalsAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (KeyRingUnavailableException refused)
        {
            await Console.Error.WriteLineAsync($"error: {refused.Message}");
            return Refused;
        }
    }

    /// <summary>A key change on the audit trail: by <c>system</c> from the <c>command line</c>, record type <c>encryption-key</c>, the key's id; never key material.</summary>
    internal static async Task RecordAsync(IServiceProvider services, string keyId, string detail, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        foreach (var trail in scope.ServiceProvider.GetServices<IAuditTrail>())
        {
            await trail.RecordAsync(new AuditEvent("system", AuditAction.KeyChange, "encryption-key", keyId, "command line", detail), cancellationToken);
        }
    }
}
