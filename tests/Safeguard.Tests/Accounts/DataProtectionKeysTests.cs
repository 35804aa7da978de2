using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Platform;
using Safeguard.Tests.Encryption;

namespace Safeguard.Tests.Accounts;

/// <summary>Two web nodes on one database share the Data Protection keys, so each reads the other's cookies and tokens.</summary>
public sealed class DataProtectionKeysTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-keys-");

    public void Dispose() => folder.Delete(recursive: true);

    private readonly string keyRing = TestKeyRings.NewJson();

    private sealed class Node(string connectionString, string keyRing) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting(SafeguardSettings.EncryptionKeyRing, keyRing);
            builder.UseSetting("Safeguard:DemonstrationData", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }

    [Fact]
    public async Task WhatOneNodeProtects_AnotherNodeOnTheSameDatabaseUnprotects()
    {
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "safeguard.db")};Pooling=False";
        await using var first = new Node(connectionString, keyRing);
        _ = first.Server;
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("synthetic payload");

        await using var second = new Node(connectionString, keyRing);
        _ = second.Server;
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload).ShouldBe("synthetic payload");

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM accounts_data_protection_keys";
        ((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(1, "one key, written by the first node and read by the second");
    }
}
