using Safeguard.Tests.Backup;

namespace Safeguard.Tests.Encryption;

/// <summary>The key ring at the command line and at start-up, run as processes as an administrator runs them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyCommandLineTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-keys-cli-");

    public void Dispose() => folder.Delete(recursive: true);

    private string KeyFile => Path.Combine(folder.FullName, "secrets", "keys.json");

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments) =>
        SafeguardProcess.RunAsync(folder.FullName, new Dictionary<string, string> { ["Safeguard__Encryption__KeyFile"] = KeyFile }, arguments);

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
}
