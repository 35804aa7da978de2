namespace Safeguard.Platform.Encryption;

/// <summary>
/// Values stored encrypted somewhere in the database, that key rotation must find, count and re-encrypt. Modules do
/// not implement this: they register columns with <see cref="EncryptedColumnsRegistration.AddEncryptedColumns{TContext}"/>.
/// </summary>
internal interface IEncryptedData
{
    /// <summary>The purpose the values are encrypted for, which also names them in messages.</summary>
    string Purpose { get; }

    /// <summary>How many values name each key id; values that are not encrypted at all under <see cref="KeyUsage.NotEncrypted"/>.</summary>
    Task<IReadOnlyDictionary<string, long>> CountByKeyAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>
    /// Re-encrypts, batch by batch, each value not under the current key, without losing a change the application
    /// makes meanwhile (a value changed since it was read is left as the application wrote it).
    /// </summary>
    Task<Reencryption> ReencryptAsync(IServiceProvider services, FieldEncryption encryption, ReencryptionRun run, CancellationToken cancellationToken);
}

/// <summary>Names for what <see cref="IEncryptedData.CountByKeyAsync"/> finds.</summary>
internal static class KeyUsage
{
    /// <summary>Stands for values that are not envelopes (plaintext written without encryption, or damaged); no key id can look like it.</summary>
    public const string NotEncrypted = "(not encrypted)";
}

/// <summary>How a re-encryption runs: the batch size and where progress goes (values done, values to do).</summary>
internal sealed record ReencryptionRun(int BatchSize, Action<string, long, long> Progress);

/// <summary>What a re-encryption did: values re-encrypted, and the values it could not decrypt (by row, never their contents).</summary>
internal sealed record Reencryption(long Reencrypted, IReadOnlyList<string> Failures);
