using System.Globalization;
using System.Text.Json;

namespace Safeguard.Platform.Encryption;

/// <summary>
/// The key ring's JSON, as kept in the key file or given in <c>Safeguard:Encryption:KeyRing</c>:
/// <code>
/// { "format": "safeguard-key-ring", "formatVersion": 1, "current": "20260304-7f3a",
///   "keys": [ { "id": "20260304-7f3a", "created": "2026-03-04T05:06:07Z", "key": "(32 bytes, base64)" } ] }
/// </code>
/// Errors say what is wrong and where, never a key or any other part of the text (a JSON parser's own messages can
/// quote it, so they are not passed on).
/// </summary>
internal static class KeyRingJson
{
    public const string FormatName = "safeguard-key-ring";
    public const int FormatVersion = 1;

    /// <summary>Reads a key ring; <paramref name="where"/> names its source in errors ("the key file /srv/keys.json").</summary>
    public static KeyRing Read(ReadOnlySpan<byte> json, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException invalid)
        {
            throw Malformed(where, string.Create(CultureInfo.InvariantCulture,
                $"it is not valid JSON (line {invalid.LineNumber + 1}, byte {invalid.BytePositionInLine + 1})"));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "format") != FormatName)
            {
                throw Malformed(where, $"it is not a Safeguard key ring (its \"format\" is not \"{FormatName}\")");
            }
            if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion)
            {
                throw Malformed(where, $"its \"formatVersion\" is not {FormatVersion}, the only version this build reads");
            }
            if (!root.TryGetProperty("keys", out var keysElement) || keysElement.ValueKind != JsonValueKind.Array || keysElement.GetArrayLength() == 0)
            {
                throw Malformed(where, "it has no \"keys\"");
            }
            var keys = new List<EncryptionKey>();
            var position = 0;
            foreach (var entry in keysElement.EnumerateArray())
            {
                position++;
                keys.Add(ReadKey(entry, position, where));
            }
            if (keys.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            {
                throw Malformed(where, $"key id '{duplicate.Key}' appears more than once");
            }
            var current = Text(root, "current");
            if (current is null || keys.All(k => k.Id != current))
            {
                throw Malformed(where, "its \"current\" does not name one of its keys");
            }
            return new KeyRing(keys, current);
        }
    }

    private static EncryptionKey ReadKey(JsonElement entry, int position, string where)
    {
        var id = entry.ValueKind == JsonValueKind.Object ? Text(entry, "id") : null;
        if (id is null || !EncryptionKey.IsValidId(id))
        {
            throw Malformed(where, string.Create(CultureInfo.InvariantCulture,
                $"key number {position} has no valid \"id\" (1 to {EncryptionKey.MaxIdLength} lower-case letters, digits and hyphens)"));
        }
        if (Text(entry, "created") is not { } createdText
            || !DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created))
        {
            throw Malformed(where, $"key '{id}' has no valid \"created\" date");
        }
        byte[] material;
        try
        {
            material = Convert.FromBase64String(Text(entry, "key") ?? "-");
        }
        catch (FormatException)
        {
            throw Malformed(where, $"key '{id}' is not base64");
        }
        if (material.Length != EncryptionKey.SizeInBytes)
        {
            throw new KeyRingUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"The key ring in {where} cannot be used: key '{id}' is {material.Length} bytes long, and keys are {EncryptionKey.SizeInBytes} bytes (AES-256)."));
        }
        return new EncryptionKey(id, created.ToUniversalTime(), material);
    }

    /// <summary>The ring as JSON, keys oldest first: indented for the key file, on one line for an environment variable.</summary>
    public static byte[] Write(KeyRing ring, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("current", ring.Current.Id);
            writer.WriteStartArray("keys");
            foreach (var key in ring.Keys)
            {
                writer.WriteStartObject();
                writer.WriteString("id", key.Id);
                writer.WriteString("created", key.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.WriteBase64String("key", key.Material);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        if (indented)
        {
            buffer.WriteByte((byte)'\n');
        }
        return buffer.ToArray();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static KeyRingUnavailableException Malformed(string where, string problem) =>
        new($"The key ring in {where} cannot be used: {problem}.");
}
