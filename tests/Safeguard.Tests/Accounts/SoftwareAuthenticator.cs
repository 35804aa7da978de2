using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Safeguard.Tests.Accounts;

/// <summary>
/// A passkey authenticator written for the tests (WebAuthn level 3: an ES256 key on P-256, "none" attestation), so
/// that HTTP tests add passkeys and sign in with them as a browser and a security key would: it answers the options
/// the application gives with the JSON that a browser's <c>PublicKeyCredential.toJSON()</c> makes. It can be told
/// not to verify the person (no PIN or biometric), to show how the application treats such an answer.
/// </summary>
public sealed class SoftwareAuthenticator(string origin = "https://localhost") : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private string? userHandle;
    private uint signCount;

    /// <summary>The credential's id, random like a real authenticator's.</summary>
    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The id as addresses and the browser's JSON carry it (base64url).</summary>
    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);

    /// <summary>Answers <c>navigator.credentials.create</c> options: a new credential for the user and site they name.</summary>
    public string Create(string creationOptionsJson, bool verifyUser = true)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        userHandle = (string)options["user"]!["id"]!;
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!);
        var authenticatorData = AuthenticatorData((string)options["rp"]!["id"]!, (byte)(Flags(verifyUser) | AttestedCredentialData), AttestedCredential());
        var attestation = new CborWriter(CborConformanceMode.Ctap2Canonical);
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestation.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>Answers <c>navigator.credentials.get</c> options: a signed assertion, the counter one higher.</summary>
    public string Get(string requestOptionsJson, bool verifyUser = true)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!);
        signCount++;
        var authenticatorData = AuthenticatorData((string)options["rpId"]!, Flags(verifyUser), []);
        var signature = key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authenticatorData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = userHandle ?? throw new InvalidOperationException("The authenticator holds no credential yet: call Create first."),
        });
    }

    public void Dispose() => key.Dispose();

    private static byte Flags(bool verifyUser) => (byte)(UserPresent | (verifyUser ? UserVerified : 0));

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = CredentialIdText,
        ["rawId"] = CredentialIdText,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    }.ToJsonString();

    private byte[] ClientData(string type, string challenge) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = type,
        ["challenge"] = challenge,
        ["origin"] = origin,
        ["crossOrigin"] = false,
    }.ToJsonString());

    /// <summary>rpIdHash, flags, signature counter (big-endian), then any attested credential data.</summary>
    private byte[] AuthenticatorData(string rpId, byte flags, byte[] attested)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter, .. attested];
    }

    /// <summary>AAGUID (zeros), the credential id with its length, and the public key as a COSE key (EC2, ES256, P-256).</summary>
    private byte[] AttestedCredential()
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var cose = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cose.WriteStartMap(5);
        cose.WriteInt32(1); // kty
        cose.WriteInt32(2); // EC2
        cose.WriteInt32(3); // alg
        cose.WriteInt32(-7); // ES256
        cose.WriteInt32(-1); // crv
        cose.WriteInt32(1); // P-256
        cose.WriteInt32(-2); // x
        cose.WriteByteString(point.X!);
        cose.WriteInt32(-3); // y
        cose.WriteByteString(point.Y!);
        cose.WriteEndMap();
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)CredentialId.Length);
        return [.. new byte[16], .. length, .. CredentialId, .. cose.Encode()];
    }
}
