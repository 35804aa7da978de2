using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Tests.Encryption;

/// <summary>Key rings for tests: made fresh, never a real key.</summary>
internal static class TestKeyRings
{
    /// <summary>A new key ring of one key as the JSON <c>Safeguard:Encryption:KeyRing</c> takes.</summary>
    public static string NewJson() => Encoding.UTF8.GetString(KeyRingJson.Write(KeyRing.CreateNew(DateTimeOffset.UtcNow), indented: false));

    /// <summary>The key ring store a host builds from these settings, on SQLite unless told otherwise.</summary>
    public static KeyRingStore Store(IDictionary<string, string?> settings, TimeProvider? clock = null, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new SafeguardDatabase(provider, provider == DatabaseProvider.Sqlite ? "Data Source=unused.db" : "Host=localhost;Database=unused"),
            clock ?? TimeProvider.System,
            NullLogger<KeyRingStore>.Instance);

    /// <summary>Field encryption over a key file.</summary>
    public static FieldEncryption OverFile(string path, TimeProvider? clock = null) =>
        new(Store(new Dictionary<string, string?> { [SafeguardSettings.EncryptionKeyFile] = path }, clock));
}
