using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// One 256-bit AES key of the key ring, named by an id that every value encrypted with it carries. The key material
/// never leaves this class except into <see cref="AesGcm"/> and the key file: it has no <c>ToString</c> that could
/// put it in a log or a message.
/// </summary>
internal sealed partial class EncryptionKey
{
    /// <summary>AES-256.</summary>
    public const int SizeInBytes = 32;

    /// <summary>The longest id; an id is lower-case letters, digits and hyphens, starting with a letter or digit.</summary>
    public const int MaxIdLength = 32;

    private readonly byte[] material;

    public EncryptionKey(string id, DateTimeOffset created, byte[] material)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException("A key id is 1 to 32 lower-case letters, digits and hyphens.", nameof(id));
        }
        if (material.Length != SizeInBytes)
        {
            throw new ArgumentException($"A key is {SizeInBytes} bytes.", nameof(material));
        }
        Id = id;
        Created = created;
        this.material = material;
    }

    public string Id { get; }

    public DateTimeOffset Created { get; }

    /// <summary>The key bytes, for the cipher and the key file only.</summary>
    public ReadOnlySpan<byte> Material => material;

    /// <summary>A new random key, its id made of the day it was made and four random hex digits: <c>20260304-7f3a</c>.</summary>
    public static EncryptionKey Generate(DateTimeOffset now, IEnumerable<string> takenIds)
    {
        var taken = takenIds.ToHashSet(StringComparer.Ordinal);
        string id;
        do
        {
            id = $"{now.UtcDateTime:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        }
        while (taken.Contains(id));
        return new EncryptionKey(id, now, RandomNumberGenerator.GetBytes(SizeInBytes));
    }

    public static bool IsValidId(string id) => id.Length <= MaxIdLength && IdPattern().IsMatch(id);

    public override string ToString() => $"key {Id}";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
