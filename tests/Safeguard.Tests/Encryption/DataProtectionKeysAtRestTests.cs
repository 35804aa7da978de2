using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Encryption;

/// <summary>
/// The Data Protection keys (which protect sessions, antiforgery and Identity's tokens) are encrypted in their table
/// with the key ring, and after a restart the application reads them back: sessions survive and people sign in.
/// </summary>
public sealed class DataProtectionKeysAtRestTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-dp-at-rest-").FullName;
    private readonly string keyRing = TestKeyRings.NewJson();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task KeysTable_HoldsNoPlaintextMasterKey_AndAfterARestartSessionsAndSignInsWork()
    {
        string session;
        TestStaff later;
        await using (var first = new FolderPortalFactory(folder, keyRing))
        {
            await first.InitializeAsync();
            var staff = await StaffBrowser.CreateAsync(first);
            later = await StaffBrowser.CreateAsync(first);
            var signedIn = await new StaffBrowser(first).SignInAsync(staff);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-Safeguard.Session=", StringComparison.Ordinal)).Split(';')[0];
        }

        var rows = await RawKeysAsync();
        rows.Count.ShouldBe(1);
        rows[0].ShouldNotContain("<value>", Case.Sensitive, "the master key's value element is replaced by the encrypted secret");
        rows[0].ShouldNotContain("masterKey");
        rows[0].ShouldContain($"<encryptedWithKeyRing xmlns=\"\">sgf1.");

        await using var restarted = new FolderPortalFactory(folder, keyRing);
        await restarted.InitializeAsync();
        var client = restarted.CreateStaffClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, AccountsPaths.Home);
        request.Headers.Add("Cookie", session);
        (await client.SendAsync(request, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "the session cookie written before the restart is still read");
        await new StaffBrowser(restarted).SignInSuccessfullyAsync(later);
        (await RawKeysAsync()).Count.ShouldBe(1, "the restarted application decrypted the stored key instead of making a new one");
    }

    [Fact]
    public async Task KeysTable_WithAnotherKeyRing_IsNotReadable()
    {
        byte[] protectedPayload;
        await using (var first = new FolderPortalFactory(folder, keyRing))
        {
            await first.InitializeAsync();
            protectedPayload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("synthetic payload"u8.ToArray());
        }

        await using var stranger = new FolderPortalFactory(folder, TestKeyRings.NewJson());
        await stranger.InitializeAsync();
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            stranger.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload));
    }

    private async Task<List<string>> RawKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Xml FROM accounts_data_protection_keys";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
