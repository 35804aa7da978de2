using System.Security.Cryptography;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// A stored value could not be decrypted: it was altered, it was encrypted for another purpose (moved from another
/// column), it names a key the key ring does not hold, or it is not an encrypted value at all. The message names the
/// purpose and the key id, never the value or any part of it, so it is safe to log.
/// </summary>
public sealed class FieldDecryptionException(string message, string purpose, string? keyId) : CryptographicException(message)
{
    /// <summary>What the value was read for, e.g. <c>casework.client.name</c>.</summary>
    public string Purpose { get; } = purpose;

    /// <summary>The key the value names, when it could be read.</summary>
    public string? KeyId { get; } = keyId;
}
