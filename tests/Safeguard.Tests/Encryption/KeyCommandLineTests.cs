using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Accounts.Contracts;
using Safeguard.Platform.Encryption;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Encryption;

/// <summary>The key ring at the command line and at start-up, as an administrator runs them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyCommandLineTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-keys-cli-");

    public void Dispose() => folder.Delete(recursive: true);

    private string KeyFile => Path.Combine(folder.FullName, "secrets", "keys.json");

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        SafeguardCommand.RunAsync(folder.FullName, new Dictionary<string, string> { ["Safeguard__Encryption__KeyFile"] = KeyFile }, arguments);

    [Fact]
    public async Task Serve_ConfiguredKeyFileMissing_Exits2WithOneSentenceAndCreatesNothing()
    {
        var (exitCode, _, errors) = await RunAsync("serve", "--urls", "http://127.0.0.1:0");

        exitCode.ShouldBe(2);
        errors.Trim().ShouldBe($"Safeguard cannot start: The key file {KeyFile} (Safeguard:Encryption:KeyFile) does not exist: restore it from its backup, or, for a new installation that has never encrypted anything, create it with './safeguard keys init'.");
        File.Exists(KeyFile).ShouldBeFalse();
    }

    [Fact]
    public async Task Serve_KeyOfTheWrongLength_Exits2NamingTheKeyButNotItsBytes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        var key = Convert.ToBase64String(Enumerable.Range(0, 16).Select(i => (byte)(i * 13)).ToArray());
        await File.WriteAllTextAsync(KeyFile, $$"""{"format":"safeguard-key-ring","formatVersion":1,"current":"k1","keys":[{"id":"k1","created":"2026-01-01T00:00:00Z","key":"{{key}}"}]}""", TestContext.Current.CancellationToken);

        var (exitCode, output, errors) = await RunAsync("serve", "--urls", "http://127.0.0.1:0");

        exitCode.ShouldBe(2);
        errors.Trim().ShouldBe($"Safeguard cannot start: The key ring in the key file {KeyFile} cannot be used: key 'k1' is 16 bytes long, and keys are 32 bytes (AES-256).");
        (output + errors).ShouldNotContain(key);
        errors.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task KeysInit_CreatesAnOwnerOnlyKeyFileOnce_AndRecordsIt()
    {
        var (exitCode, output, _) = await RunAsync("keys", "init");

        exitCode.ShouldBe(0);
        output.ShouldStartWith($"Created the key file {KeyFile} with key ");
        File.GetUnixFileMode(KeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var keyId = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(KeyFile, TestContext.Current.CancellationToken)).RootElement.GetProperty("current").GetString()!;
        output.ShouldContain(keyId);
        var key = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(KeyFile, TestContext.Current.CancellationToken)).RootElement.GetProperty("keys")[0].GetProperty("key").GetString()!;
        output.ShouldNotContain(key);

        var again = await RunAsync("keys", "init");
        again.ExitCode.ShouldBe(1);
        again.Errors.Trim().ShouldBe($"error: The key file {KeyFile} already exists; Safeguard never replaces a key file with a new one.");

        var trail = await RunAsync("audit", "search", "--action", "key-change");
        trail.Output.ShouldContain($"system  key-change  encryption-key {keyId}  from command line  key ring created in {KeyFile} with key {keyId}");
    }

    [Fact]
    public async Task KeysListRotateRetire_OverTheApplicationsEncryptedData_ChangeOnlyKeyIdsAndRecordThem()
    {
        // The application ran once with the key file: its Data Protection key, and the authenticator key of the one
        // member of staff, are encrypted with the first key; without the demonstration data, nothing else is, whatever
        // the modules register.
        var first = KeyRingStore.CreateFile(KeyFile, DateTimeOffset.UtcNow).Current.Id;
        TestStaff staff;
        await using (var application = new FolderPortalFactory(folder.FullName, "") { KeyFile = KeyFile, DemonstrationData = false })
        {
            await application.InitializeAsync();
            staff = await StaffBrowser.CreateAsync(application, StaffRoles.Caseworker);
        }

        var list = await RunAsync("keys", "list");
        list.ExitCode.ShouldBe(0, list.Errors);
        list.Output.ShouldContain($"Key ring: the key file {KeyFile}");
        list.Output.ShouldMatch($@"(?m)^{first}\s+\d{{4}}-\d\d-\d\d \d\d:\d\d\s+2  current$");
        list.Output.ShouldContain("Encrypted data: platform.data-protection-key (1), accounts.authenticator-key (1)");

        // A second key made current, as by another node, before anything is re-encrypted: the first still has a value.
        var second = TestKeyRings.Store(new Dictionary<string, string?> { [Safeguard.Platform.SafeguardSettings.EncryptionKeyFile] = KeyFile })
            .Change(ring => ring.WithNewCurrentKey(DateTimeOffset.UtcNow.AddSeconds(1))).Current.Id;
        var refused = await RunAsync("keys", "retire", first);
        refused.ExitCode.ShouldBe(1);
        refused.Errors.Trim().ShouldBe($"error: Key {first} still encrypts 2 values (platform.data-protection-key: 1, accounts.authenticator-key: 1); re-encrypt them first with 'keys rotate --resume'.");
        (await RunAsync("keys", "retire", second)).Errors.Trim().ShouldBe($"error: Key {second} is the current key; rotate to a new one first ('keys rotate').");

        var resumed = await RunAsync("keys", "rotate", "--resume");
        resumed.ExitCode.ShouldBe(0, resumed.Errors);
        resumed.Output.ShouldContain($"Re-encrypted 2 values with key {second}.");
        resumed.Errors.ShouldContain("platform.data-protection-key: 1 of 1 values re-encrypted");
        resumed.Errors.ShouldContain("accounts.authenticator-key: 1 of 1 values re-encrypted");

        var rotated = await RunAsync("keys", "rotate");
        rotated.ExitCode.ShouldBe(0, rotated.Errors);
        var third = TestKeyRings.Store(new Dictionary<string, string?> { [Safeguard.Platform.SafeguardSettings.EncryptionKeyFile] = KeyFile }).Ring.Current.Id;
        rotated.Output.ShouldContain($"Added key {third} to the key file {KeyFile} and made it current.");
        rotated.Output.ShouldContain($"Re-encrypted 2 values with key {third}.");

        var retired = await RunAsync("keys", "retire", first);
        retired.ExitCode.ShouldBe(0, retired.Errors);
        (await File.ReadAllTextAsync(KeyFile, TestContext.Current.CancellationToken)).ShouldNotContain(first);
        var after = await RunAsync("keys", "list");
        after.Output.ShouldNotContain(first);
        after.Output.ShouldMatch($@"(?m)^{second}\s+\S+ \S+\s+0$");
        after.Output.ShouldMatch($@"(?m)^{third}\s+\S+ \S+\s+2  current$");

        var trail = (await RunAsync("audit", "search", "--action", "key-change")).Output;
        trail.ShouldContain($"key-change  encryption-key {second}  from command line  re-encrypted 2 values with key {second}");
        trail.ShouldContain($"key-change  encryption-key {third}  from command line  key {third} added to the key file {KeyFile} and made current; key {second} was current");
        trail.ShouldContain($"key-change  encryption-key {first}  from command line  key {first} retired: removed from the key file {KeyFile}");
        // After two rotations the member of staff's authenticator still makes the same codes.
        await using (var application = new FolderPortalFactory(folder.FullName, "") { KeyFile = KeyFile })
        {
            await application.InitializeAsync();
            await using var scope = application.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(staff.Id))!)).ShouldBe(staff.AuthenticatorKey);
        }
        foreach (var key in System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(KeyFile, TestContext.Current.CancellationToken)).RootElement.GetProperty("keys").EnumerateArray())
        {
            (list.Output + resumed.Output + resumed.Errors + rotated.Output + rotated.Errors + trail).ShouldNotContain(key.GetProperty("key").GetString()!);
        }
    }

    [Fact]
    public async Task KeysRotate_KeyRingInTheEnvironment_IsRefusedWithWhatToDo()
    {
        var (exitCode, _, errors) = await SafeguardCommand.RunAsync(folder.FullName, new Dictionary<string, string> { ["Safeguard__Encryption__KeyRing"] = TestKeyRings.NewJson() }, "keys", "rotate");

        exitCode.ShouldBe(1);
        errors.Trim().ShouldBe("error: The key ring comes from Safeguard:Encryption:KeyRing in the environment, which Safeguard cannot change: put a new key ring there yourself (docs/encryption.md, \"Rotating keys in the environment\").");
    }
}
