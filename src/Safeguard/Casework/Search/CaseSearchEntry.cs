namespace Safeguard.Casework.Search;

/// <summary>
/// One entry of a case's blind index: the keyed hash of one normalised value of an encrypted field (the whole name, a
/// part of it, the Home Office reference, the date of birth), so a case is found by what was typed without
/// decrypting anything, and the table holds nothing that reads as the value (see <see cref="CaseSearchIndex"/>).
/// </summary>
internal sealed class CaseSearchEntry
{
    public int ClientId { get; set; }

    /// <summary>HMAC-SHA256 of the field's name and its normalised value, in lower-case hexadecimal.</summary>
    public required string Hash { get; set; }
}

/// <summary>
/// The key of the blind index, a random 256-bit key of its own (never a data key), held encrypted under the key ring
/// as the Data Protection keys are, so it lives only as ciphertext beside the data and rotates with the ring.
/// </summary>
internal sealed class CaseSearchKey
{
    /// <summary>Always <see cref="CaseSearchIndex.KeyRow"/>: there is one key.</summary>
    public int Id { get; set; }

    public required string KeyCipher { get; set; }
}
