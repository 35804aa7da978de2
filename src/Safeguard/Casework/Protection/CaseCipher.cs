using Microsoft.AspNetCore.DataProtection;

namespace Safeguard.Casework.Protection;

/// <summary>
/// Encrypts and decrypts the casework module's identifying and health fields and its documents. Every ciphertext is
/// bound to its purpose (<see cref="CaseFields"/>): one column's ciphertext cannot be read as another's.
/// </summary>
/// <remarks>
/// Until the platform's field encryption (keys outside the database, rotation) is merged, this uses ASP.NET Core Data
/// Protection (authenticated encryption, purpose-bound); the casework code calls only this class, so the change is here.
/// </remarks>
internal sealed class CaseCipher(IDataProtectionProvider provider)
{
    private const string Application = "Safeguard.Casework";

    public string Encrypt(string plaintext, string purpose) => Protector(purpose).Protect(plaintext);

    public string? EncryptOptional(string? plaintext, string purpose) => plaintext is null ? null : Encrypt(plaintext, purpose);

    public string Decrypt(string ciphertext, string purpose) => Protector(purpose).Unprotect(ciphertext);

    public string? DecryptOptional(string? ciphertext, string purpose) => ciphertext is null ? null : Decrypt(ciphertext, purpose);

    public byte[] EncryptBytes(ReadOnlySpan<byte> plaintext, string purpose) => Protector(purpose).Protect(plaintext.ToArray());

    public byte[] DecryptBytes(byte[] ciphertext, string purpose) => Protector(purpose).Unprotect(ciphertext);

    private IDataProtector Protector(string purpose) => provider.CreateProtector(Application, purpose);
}
