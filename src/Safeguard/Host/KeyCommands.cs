using System.CommandLine;
using System.Globalization;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Host;

/// <summary>
/// <c>keys init | list | rotate | retire</c>: the encryption key ring, managed from the server's terminal
/// (docs/encryption.md). Key changes are recorded on the audit trail by key id; key material is never printed.
/// Refusals are one message on standard error and exit code 1; progress goes to standard error.
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
            List(open),
            Rotate(open),
            Retire(open),
        };

    private static Command Init(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var command = new Command("init", "Create the key file (Safeguard:Encryption:KeyFile) with one new key, readable by its owner only. Refuses to replace a key file that exists.");
        command.SetAction((result, cancellationToken) => ReportingRefusalsAsync(result, async () =>
        {
            using var host = await open(result, cancellationToken);
            var keys = host.Services.GetRequiredService<KeyRingStore>();
            if (keys.FromEnvironment)
            {
                throw new KeyRingUnavailableException($"The key ring comes from {SafeguardSettings.EncryptionKeyRing} in the environment; there is no key file to create.");
            }
            var ring = KeyRingStore.CreateFile(keys.FilePath, host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await RecordAsync(host.Services, ring.Current.Id, $"key ring created in {keys.FilePath} with key {ring.Current.Id}", cancellationToken);
            result.Output().WriteLine($"Created the key file {keys.FilePath} with key {ring.Current.Id}.");
            result.Output().WriteLine("Back it up now, apart from the database backups: without it the encrypted data cannot be read (docs/encryption.md).");
            return 0;
        }));
        return command;
    }

    private static Command List(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var command = new Command("list", "List the keys (id, created, which is current) and how many stored values use each.");
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = await open(result, cancellationToken);
            var keys = host.Services.GetRequiredService<KeyRingStore>();
            var ring = keys.Ring;
            var usage = await host.Services.GetRequiredService<KeyRotation>().UsageAsync(cancellationToken);
            var totals = Totals(usage);
            result.Output().WriteLine($"Key ring: {keys.Describe}");
            result.Output().WriteLine($"{"key",-34}{"created (UTC)",-20}{"values",12}");
            foreach (var key in ring.Keys)
            {
                result.Output().WriteLine(Invariant($"{key.Id,-34}{key.Created.UtcDateTime,-20:yyyy-MM-dd HH:mm}{totals.GetValueOrDefault(key.Id),12:#,0}{(key == ring.Current ? "  current" : "")}"));
            }
            foreach (var (keyId, values) in totals.Where(t => ring.Find(t.Key) is null))
            {
                result.Output().WriteLine(Invariant($"{(keyId == KeyUsage.NotEncrypted ? keyId : $"{keyId} (not in the key ring)"),-54}{values,12:#,0}"));
            }
            result.Output().WriteLine(usage.Count == 0
                ? "No encrypted data is registered."
                : $"Encrypted data: {string.Join(", ", usage.Select(u => Invariant($"{u.Purpose} ({u.Counts.Values.Sum():#,0})")))}.");
            return 0;
        });
        return command;
    }

    private static Command Rotate(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var resume = new Option<bool>("--resume") { Description = "Add no key: re-encrypt to the current key only (to finish an interrupted rotation, or after putting a new key ring in the environment)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Values re-encrypted per transaction (default 500).", DefaultValueFactory = _ => 500 };
        var command = new Command("rotate", "Add a new key and make it current, then re-encrypt every stored value with it, in batches, while Safeguard runs; old values stay readable throughout.")
        {
            resume, batchSize,
        };
        command.SetAction((result, cancellationToken) => ReportingRefusalsAsync(result, async () =>
        {
            if (result.GetValue(batchSize) is < 1 or > 100_000)
            {
                await result.Errors().WriteLineAsync("error: --batch-size must be from 1 to 100,000.");
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            var keys = host.Services.GetRequiredService<KeyRingStore>();
            var previous = keys.Ring.Current.Id;
            if (!result.GetValue(resume))
            {
                var ring = keys.Change(ring => ring.WithNewCurrentKey(host.Services.GetRequiredService<TimeProvider>().GetUtcNow()));
                await RecordAsync(host.Services, ring.Current.Id, $"key {ring.Current.Id} added to {keys.Describe} and made current; key {previous} was current", cancellationToken);
                result.Output().WriteLine($"Added key {ring.Current.Id} to {keys.Describe} and made it current. Back up the key file now.");
            }
            var current = keys.Ring.Current.Id;
            var rotation = host.Services.GetRequiredService<KeyRotation>();
            var done = await rotation.ReencryptAsync(new ReencryptionRun(result.GetValue(batchSize), (purpose, values, of) =>
                result.Errors().WriteLine(Invariant($"{purpose}: {values:#,0} of {of:#,0} values re-encrypted"))), cancellationToken);
            await RecordAsync(host.Services, current, Invariant($"re-encrypted {done.Reencrypted:#,0} values with key {current}{(done.Failures.Count > 0 ? $"; {done.Failures.Count:#,0} could not be decrypted" : "")}"), cancellationToken);
            result.Output().WriteLine(Invariant($"Re-encrypted {done.Reencrypted:#,0} values with key {current}."));
            var older = Totals(await rotation.UsageAsync(cancellationToken)).Where(t => t.Key != current && t.Key != KeyUsage.NotEncrypted).Sum(t => t.Value);
            if (older > 0)
            {
                // Written meanwhile by a node that had not yet read the new key file (nodes look every 30 seconds).
                result.Output().WriteLine(Invariant($"{older:#,0} values still use older keys, written meanwhile by nodes that had not yet read the new key: run 'keys rotate --resume' again in a minute."));
            }
            if (done.Failures.Count == 0)
            {
                return 0;
            }
            await result.Errors().WriteLineAsync(Invariant($"error: {done.Failures.Count:#,0} values could not be decrypted and were left as they are:"));
            foreach (var failure in done.Failures)
            {
                await result.Errors().WriteLineAsync(failure);
            }
            return Refused;
        }));
        return command;
    }

    private static Command Retire(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var id = new Argument<string>("ID") { Description = "The key to remove from the key ring." };
        var command = new Command("retire", "Remove a key from the key ring; refused while it is current or any stored value still uses it.") { id };
        command.SetAction((result, cancellationToken) => ReportingRefusalsAsync(result, async () =>
        {
            var keyId = result.GetValue(id)!;
            using var host = await open(result, cancellationToken);
            var keys = host.Services.GetRequiredService<KeyRingStore>();
            if (keys.Ring.Find(keyId) is null)
            {
                throw new KeyRingUnavailableException($"There is no key '{keyId}' in {keys.Describe}; 'keys list' shows the keys.");
            }
            if (keys.Ring.Current.Id == keyId)
            {
                throw new KeyRingUnavailableException($"Key {keyId} is the current key; rotate to a new one first ('keys rotate').");
            }
            var users = (await host.Services.GetRequiredService<KeyRotation>().UsageAsync(cancellationToken))
                .Where(u => u.Counts.GetValueOrDefault(keyId) > 0).ToList();
            if (users.Count > 0)
            {
                throw new KeyRingUnavailableException(Invariant(
                    $"Key {keyId} still encrypts {users.Sum(u => u.Counts[keyId]):#,0} values ({string.Join(", ", users.Select(u => $"{u.Purpose}: {u.Counts[keyId]:#,0}"))}); re-encrypt them first with 'keys rotate --resume'."));
            }
            keys.Change(ring => ring.Without(keyId));
            await RecordAsync(host.Services, keyId, $"key {keyId} retired: removed from {keys.Describe}", cancellationToken);
            result.Output().WriteLine($"Retired key {keyId}: it is no longer in {keys.Describe}. Backups made while it was in use still need it: keep the key file copy that holds it for as long as you keep those backups.");
            return 0;
        }));
        return command;
    }

    /// <summary>Values per key id over every piece of encrypted data.</summary>
    private static Dictionary<string, long> Totals(IEnumerable<(string Purpose, IReadOnlyDictionary<string, long> Counts)> usage) =>
        usage.SelectMany(u => u.Counts).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value), StringComparer.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> ReportingRefusalsAsync(ParseResult result, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (KeyRingUnavailableException refused)
        {
            await result.Errors().WriteLineAsync($"error: {refused.Message}");
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
