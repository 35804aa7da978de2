using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Tests.Encryption;

public sealed class FieldEncryptionTests : IDisposable
{
    private const string Purpose = "casework.client.name";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-encryption-");
    private readonly string keyFile;
    private readonly FieldEncryption encryption;

    public FieldEncryptionTests()
    {
        keyFile = Path.Combine(folder.FullName, "keys.json");
        KeyRingStore.CreateFile(keyFile, DateTimeOffset.UtcNow);
        encryption = TestKeyRings.OverFile(keyFile);
    }

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData("Amina Synthetic")]
    [InlineData("")]
    [InlineData("Zoë Ñandú 王小明 \U0001F600, line one\nline two")]
    public void Encrypt_ThenDecrypt_GivesThePlaintextBack(string plaintext)
    {
        var ciphertext = encryption.Encrypt(plaintext, Purpose);

        encryption.Decrypt(ciphertext, Purpose).ShouldBe(plaintext);
    }

    [Fact]
    public void EncryptBytes_ThenDecryptBytes_GivesEveryByteBack()
    {
        var document = Enumerable.Range(0, 256 * 40).Select(i => (byte)i).ToArray();

        encryption.DecryptBytes(encryption.EncryptBytes(document, "casework.document"), "casework.document").ShouldBe(document);
        encryption.DecryptBytes(encryption.EncryptBytes([], "casework.document"), "casework.document").ShouldBeEmpty();
    }

    [Fact]
    public void Encrypt_Null_StaysNull()
    {
        encryption.Encrypt(null, Purpose).ShouldBeNull();
        encryption.Decrypt(null, Purpose).ShouldBeNull();
    }

    [Fact]
    public void Encrypt_SameValueTwice_GivesDifferentCiphertextsThatHideThePlaintext()
    {
        var first = encryption.Encrypt("Amina Synthetic", Purpose);
        var second = encryption.Encrypt("Amina Synthetic", Purpose);

        first.ShouldNotBe(second, "a random nonce per value");
        first.ShouldNotContain("Amina");
        Encoding.UTF8.GetString(encryption.EncryptBytes("Amina Synthetic"u8, Purpose)).ShouldNotContain("Amina");
    }

    [Fact]
    public void Envelope_IsTheDocumentedFormat_AndOpensWithAesGcmAlone()
    {
        var keyId = encryption.CurrentKeyId;
        var header = $"sgf1.{keyId}.";
        var key = Convert.FromBase64String(System.Text.Json.JsonDocument.Parse(File.ReadAllText(keyFile)).RootElement.GetProperty("keys")[0].GetProperty("key").GetString()!);

        var sealedBytes = encryption.EncryptBytes("Amina Synthetic"u8, Purpose);
        var text = encryption.Encrypt("Amina Synthetic", Purpose);

        Encoding.ASCII.GetString(sealedBytes, 0, header.Length).ShouldBe(header);
        sealedBytes.Length.ShouldBe(header.Length + 12 + 15 + 16);
        text.ShouldStartWith(header);
        // docs/encryption.md: header, 12-byte nonce, ciphertext, 16-byte tag; associated data = header bytes + purpose.
        OpenAsDocumented(key, header, sealedBytes).ShouldBe("Amina Synthetic");
        OpenAsDocumented(key, header, [.. Encoding.ASCII.GetBytes(header), .. Base64Url.DecodeFromChars(text.AsSpan(header.Length))]).ShouldBe("Amina Synthetic");
    }

    private static string OpenAsDocumented(byte[] key, string header, byte[] sealedBytes)
    {
        var body = sealedBytes.AsSpan(header.Length);
        var plaintext = new byte[body.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(body[..12], body[12..^16], body[^16..], plaintext, Encoding.UTF8.GetBytes(header + Purpose));
        return Encoding.UTF8.GetString(plaintext);
    }

    [Fact]
    public void DecryptBytes_AnyOneByteFlipped_ThrowsNamingThePurposeNeverTheData()
    {
        var sealedBytes = encryption.EncryptBytes("Amina Synthetic"u8, Purpose);
        for (var position = 0; position < sealedBytes.Length; position++)
        {
            var tampered = sealedBytes.ToArray();
            tampered[position] ^= 0x01;

            var failure = Should.Throw<FieldDecryptionException>(() => encryption.DecryptBytes(tampered, Purpose), $"byte {position} flipped");

            failure.Purpose.ShouldBe(Purpose);
            failure.Message.ShouldContain($"'{Purpose}'");
            failure.Message.ShouldNotContain("Amina");
        }
    }

    [Fact]
    public void Decrypt_OneCharacterOfTheBodyChanged_ThrowsIntegrityFailureNamingPurposeAndKey()
    {
        var ciphertext = encryption.Encrypt("Amina Synthetic", Purpose);
        var position = ciphertext.Length - 5;
        var tampered = string.Concat(ciphertext.AsSpan(0, position), ciphertext[position] == 'A' ? "B" : "A", ciphertext.AsSpan(position + 1));

        var failure = Should.Throw<FieldDecryptionException>(() => encryption.Decrypt(tampered, Purpose));

        failure.KeyId.ShouldBe(encryption.CurrentKeyId);
        failure.Message.ShouldBe($"A value encrypted with key '{encryption.CurrentKeyId}' failed its integrity check when read for '{Purpose}': it was altered, or it was encrypted for another purpose.");
    }

    [Fact]
    public void Decrypt_ForAnotherPurpose_Throws()
    {
        var name = encryption.Encrypt("Amina Synthetic", Purpose);
        var document = encryption.EncryptBytes("Amina Synthetic"u8, "casework.document");

        Should.Throw<FieldDecryptionException>(() => encryption.Decrypt(name, "casework.client.nationality")).Purpose.ShouldBe("casework.client.nationality");
        Should.Throw<FieldDecryptionException>(() => encryption.DecryptBytes(document, "casework.letter")).Message.ShouldContain("encrypted for another purpose");
    }

    [Fact]
    public void Decrypt_KeyIdNotInTheRing_ThrowsNamingTheKeyAndTheKeyFile()
    {
        var ciphertext = encryption.Encrypt("Amina Synthetic", Purpose).Replace($"sgf1.{encryption.CurrentKeyId}.", "sgf1.20200101-dead.", StringComparison.Ordinal);

        var failure = Should.Throw<FieldDecryptionException>(() => encryption.Decrypt(ciphertext, Purpose));

        failure.KeyId.ShouldBe("20200101-dead");
        failure.Message.ShouldBe($"A value for '{Purpose}' is encrypted with key '20200101-dead', which is not in the key ring (the key file {keyFile}): restore the key ring that holds it.");
    }

    [Theory]
    [InlineData("Amina Synthetic")]
    [InlineData("sgf1.")]
    [InlineData("sgf1..abc")]
    [InlineData("sgf2.k1.abc")]
    public void Decrypt_NotAnEncryptedValue_ThrowsWithoutQuotingIt(string stored)
    {
        var failure = Should.Throw<FieldDecryptionException>(() => encryption.Decrypt(stored, Purpose));

        failure.Message.ShouldStartWith($"A value read for '{Purpose}' is not an encrypted value");
        failure.Message.ShouldNotContain("Amina");
    }

    [Fact]
    public void DecryptBytes_Truncated_SaysSo()
    {
        var sealedBytes = encryption.EncryptBytes("Amina Synthetic"u8, Purpose);
        var header = $"sgf1.{encryption.CurrentKeyId}.".Length;

        Should.Throw<FieldDecryptionException>(() => encryption.DecryptBytes(sealedBytes.AsSpan(0, header + 20), Purpose)).Message.ShouldContain("truncated");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Casework.Name")]
    [InlineData("casework name")]
    [InlineData("casework..name")]
    public void Encrypt_PurposeThatIsNotAName_IsAProgrammingError(string purpose) =>
        Should.Throw<ArgumentException>(() => encryption.Encrypt("x", purpose));

    [Fact]
    public void UsesCurrentKey_AfterANewCurrentKey_IsFalseForOldValuesWhichStillDecrypt()
    {
        var old = encryption.Encrypt("Amina Synthetic", Purpose);
        var oldDocument = encryption.EncryptBytes("Amina Synthetic"u8, Purpose);
        var oldKey = encryption.CurrentKeyId;
        encryption.UsesCurrentKey(old).ShouldBeTrue();

        var store = TestKeyRings.Store(new Dictionary<string, string?> { [SafeguardSettings.EncryptionKeyFile] = keyFile });
        var rotated = new FieldEncryption(store);
        store.Change(ring => ring.WithNewCurrentKey(DateTimeOffset.UtcNow));

        rotated.CurrentKeyId.ShouldNotBe(oldKey);
        rotated.UsesCurrentKey(old).ShouldBeFalse();
        rotated.UsesCurrentKey(oldDocument).ShouldBeFalse();
        FieldEncryption.KeyIdOf(old).ShouldBe(oldKey);
        rotated.Decrypt(old, Purpose).ShouldBe("Amina Synthetic");
        rotated.UsesCurrentKey(rotated.Encrypt("Amina Synthetic", Purpose)).ShouldBeTrue();
    }
}
