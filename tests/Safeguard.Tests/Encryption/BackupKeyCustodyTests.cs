using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Platform.Encryption;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Encryption;

/// <summary>A backup holds ciphertext and not the key file; restored with the same key file, everything reads again.</summary>
public sealed class BackupKeyCustodyTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-backup-keys-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Backup_HoldsNoKey_SaysWhereTheKeysAre_AndRestoresReadableWithTheSameKeyFile()
    {
        var data = folder.CreateSubdirectory("data").FullName;
        var keyFile = Path.Combine(folder.FullName, "secrets", "keys.json");
        KeyRingStore.CreateFile(keyFile, DateTimeOffset.UtcNow);
        byte[] session;
        await using (var application = new FolderPortalFactory(data, "") { KeyFile = keyFile })
        {
            await application.InitializeAsync();
            session = application.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("synthetic session"u8.ToArray());
        }
        var environment = new Dictionary<string, string> { ["Safeguard__Encryption__KeyFile"] = keyFile };
        var backupFolder = Path.Combine(folder.FullName, "backup");

        var backup = await SafeguardCommand.RunAsync(data, environment, "backup", backupFolder);

        backup.ExitCode.ShouldBe(0, backup.Errors);
        backup.Output.ShouldContain($"the keys are not: they are kept separately, in the key file {keyFile}. Back that up too, apart from this backup: restoring needs it");
        var key = Convert.FromBase64String(System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(keyFile, Cancel)).RootElement.GetProperty("keys")[0].GetProperty("key").GetString()!);
        foreach (var file in Directory.GetFiles(backupFolder))
        {
            var bytes = await File.ReadAllBytesAsync(file, Cancel);
            bytes.AsSpan().IndexOf(key).ShouldBe(-1, $"{Path.GetFileName(file)} holds the key's bytes");
            Encoding.Latin1.GetString(bytes).ShouldNotContain(Convert.ToBase64String(key));
            Encoding.Latin1.GetString(bytes).ShouldNotContain("\"safeguard-key-ring\"");
        }
        Directory.GetFiles(backupFolder).Select(Path.GetFileName).ShouldBe(["database.sqlite", "manifest.json"], ignoreOrder: true);

        var restored = Path.Combine(folder.FullName, "restored");
        var restore = await SafeguardCommand.RunAsync(restored, environment, "restore", backupFolder);
        restore.ExitCode.ShouldBe(0, restore.Errors);

        await using var again = new FolderPortalFactory(restored, "") { KeyFile = keyFile };
        await again.InitializeAsync();
        again.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(session).ShouldBe("synthetic session"u8.ToArray());
    }
}
