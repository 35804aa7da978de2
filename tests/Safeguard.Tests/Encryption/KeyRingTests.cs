using System.Text.Json.Nodes;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Tests.Encryption;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyRingTests : IDisposable
{
    private const string Purpose = "casework.client.name";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-key-ring-");

    public void Dispose() => folder.Delete(recursive: true);

    private string KeyFile => Path.Combine(folder.FullName, "keys.json");

    private KeyRingStore OverFile(TimeProvider? clock = null) =>
        TestKeyRings.Store(new Dictionary<string, string?> { [SafeguardSettings.EncryptionKeyFile] = KeyFile }, clock);

    [Fact]
    public void DefaultKeyFile_OnSqliteWithNothingConfigured_IsCreatedReadableByItsOwnerOnly()
    {
        var store = TestKeyRings.Store(new Dictionary<string, string?> { ["SAFEGUARD_DATA_DIR"] = folder.FullName });

        var ring = store.Ring;

        store.FilePath.ShouldBe(Path.Combine(folder.FullName, "keys", "encryption-keys.json"));
        File.GetUnixFileMode(store.FilePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(store.FilePath)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        ring.Keys.Count.ShouldBe(1);
        TestKeyRings.Store(new Dictionary<string, string?> { ["SAFEGUARD_DATA_DIR"] = folder.FullName }).Ring.Current.Id.ShouldBe(ring.Current.Id, "the second start reads the file the first made");
    }

    [Fact]
    public void ConfiguredKeyFile_Missing_RefusesToStartAndNeverCreatesOne()
    {
        var failure = Should.Throw<KeyRingUnavailableException>(() => OverFile().Ring);

        failure.Message.ShouldBe($"The key file {KeyFile} (Safeguard:Encryption:KeyFile) does not exist: restore it from its backup, or, for a new installation that has never encrypted anything, create it with './safeguard keys init'.");
        File.Exists(KeyFile).ShouldBeFalse();
    }

    [Fact]
    public void PostgreSql_WithoutAKeyRing_RefusesRatherThanGiveEachNodeItsOwnKey()
    {
        var store = TestKeyRings.Store(new Dictionary<string, string?> { ["SAFEGUARD_DATA_DIR"] = folder.FullName }, provider: DatabaseProvider.PostgreSql);

        Should.Throw<KeyRingUnavailableException>(() => store.Ring).Message.ShouldStartWith("A PostgreSQL database needs a key ring that every web node shares");
        File.Exists(store.FilePath).ShouldBeFalse();
    }

    [Fact]
    public void KeyFile_Unreadable_SaysSo()
    {
        // Something that cannot be read as a file, whoever runs the test (root reads a file whatever its mode).
        Directory.CreateDirectory(KeyFile);

        Should.Throw<KeyRingUnavailableException>(() => OverFile().Ring).Message.ShouldStartWith($"The key file {KeyFile} cannot be read: ");
    }

    public static TheoryData<string, string> MalformedRings => new()
    {
        { "{ \"format\": \"safeguard-key-ring\", ", "it is not valid JSON (line 1, byte " },
        { "[1, 2, 3]", "it is not a Safeguard key ring (its \"format\" is not \"safeguard-key-ring\")" },
        { "{\"format\":\"safeguard-key-ring\",\"formatVersion\":2,\"current\":\"a\",\"keys\":[]}", "its \"formatVersion\" is not 1, the only version this build reads" },
        { "{\"format\":\"safeguard-key-ring\",\"formatVersion\":1,\"current\":\"a\",\"keys\":[]}", "it has no \"keys\"" },
        { Ring(("a", Key(32))).Replace("\"a\"", "\"A B\"", StringComparison.Ordinal), "key number 1 has no valid \"id\"" },
        { Ring(("a", "not base64 at all!")), "key 'a' is not base64" },
        { Ring(("a", Key(32)), ("a", Key(32))), "key id 'a' appears more than once" },
        { Ring(("a", Key(32))).Replace("\"current\":\"a\"", "\"current\":\"b\"", StringComparison.Ordinal), "its \"current\" does not name one of its keys" },
    };

    [Theory]
    [MemberData(nameof(MalformedRings))]
    public void KeyFile_Malformed_NamesTheFileAndTheProblemWithoutQuotingIt(string json, string problem)
    {
        File.WriteAllText(KeyFile, json);

        var failure = Should.Throw<KeyRingUnavailableException>(() => OverFile().Ring);

        failure.Message.ShouldStartWith($"The key ring in the key file {KeyFile} cannot be used: {problem}");
        failure.Message.ShouldNotContain(Key(32));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Key_OfTheWrongLength_IsRefusedWithItsLengthButNeverItsBytes(int length)
    {
        var key = Key(length);
        File.WriteAllText(KeyFile, Ring(("20260101-abcd", Key(32)), ("20260102-abcd", key)));

        var failure = Should.Throw<KeyRingUnavailableException>(() => OverFile().Ring);

        failure.Message.ShouldBe($"The key ring in the key file {KeyFile} cannot be used: key '20260102-abcd' is {length} bytes long, and keys are 32 bytes (AES-256).");
        failure.Message.ShouldNotContain(key);
    }

    [Fact]
    public void KeyRing_FromTheEnvironment_IsUsedAndItsErrorsNameTheSetting()
    {
        var store = TestKeyRings.Store(new Dictionary<string, string?> { [SafeguardSettings.EncryptionKeyRing] = Ring(("20260101-abcd", Key(32))) });
        store.Ring.Current.Id.ShouldBe("20260101-abcd");
        store.FromEnvironment.ShouldBeTrue();

        var broken = TestKeyRings.Store(new Dictionary<string, string?> { [SafeguardSettings.EncryptionKeyRing] = Ring(("20260101-abcd", Key(16))) });
        Should.Throw<KeyRingUnavailableException>(() => broken.Ring).Message.ShouldStartWith("The key ring in Safeguard:Encryption:KeyRing cannot be used: key '20260101-abcd' is 16 bytes long");
    }

    [Fact]
    public void KeyFileAndKeyRing_BothSet_AreRefused() =>
        Should.Throw<KeyRingUnavailableException>(() => TestKeyRings.Store(new Dictionary<string, string?>
        {
            [SafeguardSettings.EncryptionKeyFile] = KeyFile,
            [SafeguardSettings.EncryptionKeyRing] = Ring(("a", Key(32))),
        })).Message.ShouldBe("Both Safeguard:Encryption:KeyFile and Safeguard:Encryption:KeyRing are set; set only one, so that there is no doubt which keys Safeguard uses.");

    [Fact]
    public void Rotation_OnOneNode_IsPickedUpByAnotherSharingTheFile_WithoutARestart()
    {
        KeyRingStore.CreateFile(KeyFile, DateTimeOffset.UtcNow);
        var clock = new MovableClock();
        var first = new FieldEncryption(OverFile());
        var secondStore = OverFile(clock);
        var second = new FieldEncryption(secondStore);
        var before = second.CurrentKeyId;

        OverFile().Change(ring => ring.WithNewCurrentKey(DateTimeOffset.UtcNow.AddSeconds(1)));
        var written = new FieldEncryption(OverFile()).Encrypt("Amina Synthetic", Purpose);

        second.Decrypt(written, Purpose).ShouldBe("Amina Synthetic", "an unknown key id makes the node read the file again");
        first.Decrypt(written, Purpose).ShouldBe("Amina Synthetic");
        clock.Advance(KeyRingStore.RefreshInterval);
        second.CurrentKeyId.ShouldNotBe(before);
        second.UsesCurrentKey(written).ShouldBeTrue();
    }

    [Fact]
    public void KeyFile_BrokenAfterStart_LeavesTheKeysReadBeforeInForce()
    {
        KeyRingStore.CreateFile(KeyFile, DateTimeOffset.UtcNow);
        var clock = new MovableClock();
        var encryption = new FieldEncryption(OverFile(clock));
        var value = encryption.Encrypt("Amina Synthetic", Purpose);

        File.WriteAllText(KeyFile, "{ broken");
        File.SetLastWriteTimeUtc(KeyFile, DateTime.UtcNow.AddMinutes(1));
        clock.Advance(KeyRingStore.RefreshInterval);

        encryption.Decrypt(value, Purpose).ShouldBe("Amina Synthetic");
    }

    [Fact]
    public void CreateFile_WhereOneExists_NeverReplacesIt()
    {
        var first = KeyRingStore.CreateFile(KeyFile, DateTimeOffset.UtcNow);

        Should.Throw<KeyRingUnavailableException>(() => KeyRingStore.CreateFile(KeyFile, DateTimeOffset.UtcNow)).Message.ShouldContain("already exists");
        OverFile().Ring.Current.Id.ShouldBe(first.Current.Id);
    }

    [Fact]
    public void Change_WhileAnotherChangeHoldsTheLock_IsRefused()
    {
        KeyRingStore.CreateFile(KeyFile, DateTimeOffset.UtcNow);

        var failure = Should.Throw<KeyRingUnavailableException>(() => OverFile().Change(ring =>
            OverFile().Change(inner => inner.WithNewCurrentKey(DateTimeOffset.UtcNow))));

        failure.Message.ShouldContain("is being changed by another command");
        OverFile().Ring.Keys.Count.ShouldBe(1);
    }

    private static string Key(int length) => Convert.ToBase64String(Enumerable.Range(1, length).Select(i => (byte)(i * 7)).ToArray());

    private static string Ring(params (string Id, string Key)[] keys) => new JsonObject
    {
        ["format"] = "safeguard-key-ring",
        ["formatVersion"] = 1,
        ["current"] = keys[0].Id,
        ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["id"] = k.Id, ["created"] = "2026-01-01T00:00:00Z", ["key"] = k.Key })]),
    }.ToJsonString();
}
