namespace Safeguard.Platform.Encryption;

/// <summary>
/// Rotation over every registered <see cref="IEncryptedData"/>: which keys the stored values use, and re-encrypting
/// them with the current key. Each piece of data runs in a scope of its own, so its database context is fresh.
/// </summary>
internal sealed class KeyRotation(IEnumerable<IEncryptedData> data, IServiceScopeFactory scopes, FieldEncryption encryption)
{
    /// <summary>How many values each registered piece of data holds under each key id.</summary>
    public async Task<IReadOnlyList<(string Purpose, IReadOnlyDictionary<string, long> Counts)>> UsageAsync(CancellationToken cancellationToken)
    {
        var usage = new List<(string, IReadOnlyDictionary<string, long>)>();
        foreach (var item in data)
        {
            await using var scope = scopes.CreateAsyncScope();
            usage.Add((item.Purpose, await item.CountByKeyAsync(scope.ServiceProvider, cancellationToken)));
        }
        return usage;
    }

    /// <summary>Re-encrypts every value not under the current key; resumable, as it only ever looks for such values.</summary>
    public async Task<Reencryption> ReencryptAsync(ReencryptionRun run, CancellationToken cancellationToken)
    {
        long done = 0;
        var failures = new List<string>();
        foreach (var item in data)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await item.ReencryptAsync(scope.ServiceProvider, encryption, run, cancellationToken);
            done += result.Reencrypted;
            failures.AddRange(result.Failures);
        }
        return new Reencryption(done, failures);
    }
}
