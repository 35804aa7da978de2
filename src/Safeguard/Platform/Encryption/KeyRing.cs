namespace Safeguard.Platform.Encryption;

/// <summary>
/// The keys Safeguard can decrypt with, and the current one it encrypts with. Immutable: a rotation or a re-read
/// of the key file makes a new ring.
/// </summary>
internal sealed class KeyRing
{
    public KeyRing(IReadOnlyList<EncryptionKey> keys, string currentId)
    {
        Keys = keys;
        Current = keys.FirstOrDefault(k => k.Id == currentId)
            ?? throw new ArgumentException("The current key must be one of the keys.", nameof(currentId));
    }

    /// <summary>Every key, oldest first.</summary>
    public IReadOnlyList<EncryptionKey> Keys { get; }

    /// <summary>The key new values are encrypted with.</summary>
    public EncryptionKey Current { get; }

    public EncryptionKey? Find(string id) => Keys.FirstOrDefault(k => k.Id == id);

    /// <summary>A ring of one new key.</summary>
    public static KeyRing CreateNew(DateTimeOffset now)
    {
        var key = EncryptionKey.Generate(now, []);
        return new KeyRing([key], key.Id);
    }

    /// <summary>This ring with a new key added and made current; the others stay, so what they encrypted stays readable.</summary>
    public KeyRing WithNewCurrentKey(DateTimeOffset now)
    {
        var key = EncryptionKey.Generate(now, Keys.Select(k => k.Id));
        return new KeyRing([.. Keys, key], key.Id);
    }

    /// <summary>This ring without a key that is not the current one.</summary>
    public KeyRing Without(string id) => id == Current.Id
        ? throw new InvalidOperationException("The current key cannot be removed.")
        : new KeyRing([.. Keys.Where(k => k.Id != id)], Current.Id);
}
