using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// The self-describing form of an encrypted value (docs/encryption.md, "The envelope"). Both forms start with the
/// same ASCII header, <c>sgf1.{key id}.</c>: <c>sgf1</c> names the format and its version, the key id the key.
/// <list type="bullet">
/// <item>bytes (documents): header, 12-byte nonce, ciphertext, 16-byte tag;</item>
/// <item>text (fields): header, then nonce, ciphertext and tag in unpadded base64url.</item>
/// </list>
/// AES-256-GCM authenticates the header and the purpose as associated data (the header's bytes followed by the
/// purpose in UTF-8), so a value moved to another column, or relabelled with another key id, fails to decrypt.
/// </summary>
internal static class FieldEnvelope
{
    /// <summary>Names the format and its version.</summary>
    public const string Version = "sgf1";

    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>The longest header: version, dot, the longest key id, dot.</summary>
    public const int MaxHeaderLength = 4 + 1 + EncryptionKey.MaxIdLength + 1;

    /// <summary>The header every value encrypted with <paramref name="keyId"/> starts with.</summary>
    public static string Header(string keyId) => $"{Version}.{keyId}.";

    /// <summary>The key id in a value's header, and the header's length; null when the value is not an envelope.</summary>
    public static string? KeyId(ReadOnlySpan<byte> value, out int headerLength)
    {
        headerLength = 0;
        var prefix = Version.Length + 1;
        if (value.Length < prefix || !value[..prefix].SequenceEqual("sgf1."u8))
        {
            return null;
        }
        var rest = value[prefix..Math.Min(value.Length, MaxHeaderLength)];
        var dot = rest.IndexOf((byte)'.');
        if (dot < 1)
        {
            return null;
        }
        var id = Encoding.ASCII.GetString(rest[..dot]);
        if (!EncryptionKey.IsValidId(id))
        {
            return null;
        }
        headerLength = prefix + dot + 1;
        return id;
    }

    /// <summary>The key id in a text value's header; null when it is not an envelope.</summary>
    public static string? KeyId(ReadOnlySpan<char> value, out int headerLength)
    {
        Span<byte> header = stackalloc byte[MaxHeaderLength];
        var length = Math.Min(value.Length, MaxHeaderLength);
        for (var i = 0; i < length; i++)
        {
            if (value[i] > 127)
            {
                length = i;
                break;
            }
            header[i] = (byte)value[i];
        }
        return KeyId(header[..length], out headerLength);
    }

    public static byte[] Seal(EncryptionKey key, ReadOnlySpan<byte> plaintext, string purpose)
    {
        var header = Encoding.ASCII.GetBytes(Header(key.Id));
        var sealedValue = new byte[header.Length + NonceSize + plaintext.Length + TagSize];
        header.CopyTo(sealedValue, 0);
        var nonce = sealedValue.AsSpan(header.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        // AesGcm is not safe to share between threads; a new one per value costs a key schedule, nothing more.
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(header.Length + NonceSize, plaintext.Length),
            sealedValue.AsSpan(sealedValue.Length - TagSize), AssociatedData(header, purpose));
        return sealedValue;
    }

    /// <summary>Opens a sealed value (the bytes form) whose header has been read.</summary>
    public static byte[] Open(EncryptionKey key, ReadOnlySpan<byte> sealedValue, int headerLength, string purpose)
    {
        var body = sealedValue[headerLength..];
        if (body.Length < NonceSize + TagSize)
        {
            throw new FieldDecryptionException(
                $"A value encrypted for '{purpose}' with key '{key.Id}' is too short to be whole (it was truncated).", purpose, key.Id);
        }
        var plaintext = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        try
        {
            aes.Decrypt(body[..NonceSize], body[NonceSize..^TagSize], body[^TagSize..], plaintext, AssociatedData(sealedValue[..headerLength], purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new FieldDecryptionException(
                $"A value encrypted with key '{key.Id}' failed its integrity check when read for '{purpose}': it was altered, or it was encrypted for another purpose.", purpose, key.Id);
        }
        return plaintext;
    }

    /// <summary>The text form: the header as it is, the rest in unpadded base64url.</summary>
    public static string ToText(byte[] sealedValue, int headerLength) =>
        string.Concat(Encoding.ASCII.GetString(sealedValue, 0, headerLength), Base64Url.EncodeToString(sealedValue.AsSpan(headerLength)));

    /// <summary>The bytes form of a text value; null when its body is not base64url.</summary>
    public static byte[]? FromText(string value, int headerLength)
    {
        var body = value.AsSpan(headerLength);
        if (!Base64Url.IsValid(body, out var decodedLength))
        {
            return null;
        }
        var sealedValue = new byte[headerLength + decodedLength];
        Encoding.ASCII.GetBytes(value.AsSpan(0, headerLength), sealedValue);
        Base64Url.DecodeFromChars(body, sealedValue.AsSpan(headerLength));
        return sealedValue;
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> header, string purpose)
    {
        var associated = new byte[header.Length + Encoding.UTF8.GetByteCount(purpose)];
        header.CopyTo(associated);
        Encoding.UTF8.GetBytes(purpose, associated.AsSpan(header.Length));
        return associated;
    }
}
