using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// Encrypts identifying and health fields, and stored documents, for keeping in the database: AES-256-GCM with a
/// random 96-bit nonce per value, under the key ring's current key, in a self-describing envelope that names the key
/// (docs/encryption.md). Modules encrypt in their service layer and their columns hold the ciphertext.
/// <para>
/// Every value is bound to a <em>purpose</em>, the name of what it is (<c>casework.client.name</c>): a value decrypts
/// only for the purpose it was encrypted for, so ciphertext copied into another column does not decrypt there. A
/// purpose is lower-case letters, digits, dots, hyphens and underscores; use one per column and keep it for ever.
/// </para>
/// <para>
/// A value that does not decrypt throws <see cref="FieldDecryptionException"/>, whose message names the purpose and
/// the key, never the data. One instance serves the whole application (a singleton); it is safe to use from many
/// threads at once.
/// </para>
/// </summary>
public sealed partial class FieldEncryption
{
    private const int MaxPurposeLength = 200;

    private readonly KeyRingStore keys;

    internal FieldEncryption(KeyRingStore keys) => this.keys = keys;

    /// <summary>The id of the key new values are encrypted with.</summary>
    public string CurrentKeyId => keys.Ring.Current.Id;

    /// <summary>Encrypts text for a column; null stays null (an absent value is not a secret), so optional fields need no test.</summary>
    [return: NotNullIfNotNull(nameof(plaintext))]
    public string? Encrypt(string? plaintext, string purpose)
    {
        if (plaintext is null)
        {
            return null;
        }
        var sealedValue = Seal(Encoding.UTF8.GetBytes(plaintext), purpose, out var headerLength);
        return FieldEnvelope.ToText(sealedValue, headerLength);
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> made for the same purpose; null stays null.</summary>
    /// <exception cref="FieldDecryptionException">The value was altered, is for another purpose, names a key not in the ring, or is not encrypted.</exception>
    [return: NotNullIfNotNull(nameof(ciphertext))]
    public string? Decrypt(string? ciphertext, string purpose)
    {
        if (ciphertext is null)
        {
            return null;
        }
        CheckPurpose(purpose);
        var keyId = FieldEnvelope.KeyId(ciphertext, out var headerLength) ?? throw NotAnEnvelope(purpose);
        var key = Key(keyId, purpose);
        var sealedValue = FieldEnvelope.FromText(ciphertext, headerLength)
            ?? throw new FieldDecryptionException($"A value encrypted with key '{keyId}' for '{purpose}' is damaged (its body is not base64url).", purpose, keyId);
        return Encoding.UTF8.GetString(FieldEnvelope.Open(key, sealedValue, headerLength, purpose));
    }

    /// <summary>Encrypts bytes (a document) for a binary column.</summary>
    public byte[] EncryptBytes(ReadOnlySpan<byte> plaintext, string purpose) => Seal(plaintext, purpose, out _);

    /// <summary>Decrypts what <see cref="EncryptBytes"/> made for the same purpose.</summary>
    /// <exception cref="FieldDecryptionException">The value was altered, is for another purpose, names a key not in the ring, or is not encrypted.</exception>
    public byte[] DecryptBytes(ReadOnlySpan<byte> ciphertext, string purpose)
    {
        CheckPurpose(purpose);
        var keyId = FieldEnvelope.KeyId(ciphertext, out var headerLength) ?? throw NotAnEnvelope(purpose);
        return FieldEnvelope.Open(Key(keyId, purpose), ciphertext, headerLength, purpose);
    }

    /// <summary>Whether a stored value is encrypted with the current key (false for one that is not an envelope).</summary>
    public bool UsesCurrentKey(string ciphertext) => KeyIdOf(ciphertext) == CurrentKeyId;

    /// <summary>Whether a stored value is encrypted with the current key (false for one that is not an envelope).</summary>
    public bool UsesCurrentKey(ReadOnlySpan<byte> ciphertext) => KeyIdOf(ciphertext) == CurrentKeyId;

    /// <summary>The id of the key a stored value names, without decrypting it; null when it is not an envelope.</summary>
    public static string? KeyIdOf(string ciphertext) => FieldEnvelope.KeyId(ciphertext, out _);

    /// <summary>The id of the key a stored value names, without decrypting it; null when it is not an envelope.</summary>
    public static string? KeyIdOf(ReadOnlySpan<byte> ciphertext) => FieldEnvelope.KeyId(ciphertext, out _);

    private byte[] Seal(ReadOnlySpan<byte> plaintext, string purpose, out int headerLength)
    {
        CheckPurpose(purpose);
        var key = keys.Ring.Current;
        headerLength = FieldEnvelope.Header(key.Id).Length;
        return FieldEnvelope.Seal(key, plaintext, purpose);
    }

    private EncryptionKey Key(string keyId, string purpose) => keys.Find(keyId)
        ?? throw new FieldDecryptionException(
            $"A value for '{purpose}' is encrypted with key '{keyId}', which is not in the key ring ({keys.Describe}): restore the key ring that holds it.", purpose, keyId);

    private static FieldDecryptionException NotAnEnvelope(string purpose) => new(
        $"A value read for '{purpose}' is not an encrypted value (it does not start with '{FieldEnvelope.Version}.' and a key id): it was written without encryption, or damaged.", purpose, null);

    /// <summary>A purpose is a name chosen in code, never data: anything else is a programming error.</summary>
    internal static void CheckPurpose(string purpose)
    {
        if (purpose.Length > MaxPurposeLength || !PurposePattern().IsMatch(purpose))
        {
            throw new ArgumentException("A purpose is a name such as 'casework.client.name': lower-case letters, digits, dots, hyphens and underscores, at most 200.", nameof(purpose));
        }
    }

    [GeneratedRegex("^[a-z0-9]+([._-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PurposePattern();
}
