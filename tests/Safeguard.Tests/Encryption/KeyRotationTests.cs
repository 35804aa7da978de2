using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Encryption;

/// <summary>
/// Key rotation on each database engine, over a module's registered columns (a sample table registered as a module
/// would) and the Data Protection keys: old values stay readable while it runs, an interrupted rotation resumes, and
/// the raw columns, read with SQL, hold only ciphertext under the new key.
/// </summary>
public abstract class KeyRotationTests : IAsyncLifetime
{
    private const string NamePurpose = "sample.client.name";
    private const string LetterPurpose = "sample.client.letter";
    private const int Rows = 23;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("safeguard-rotation-");
    private PortalFactory factory = null!;
    private WebApplicationFactory<Program> host = null!;

    protected abstract PortalFactory CreateFactory(string keyFile);

    private static string Header(string keyId) => $"sgf1.{keyId}.";

    public async ValueTask InitializeAsync()
    {
        var keyFile = Path.Combine(folder.FullName, "keys.json");
        KeyRingStore.CreateFile(keyFile, DateTimeOffset.UtcNow);
        factory = CreateFactory(keyFile);
        await factory.InitializeAsync();
        // The application as a module with encrypted columns would make it: one registration line.
        host = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddDbContext<SampleContext>((provider, options) => provider.GetRequiredService<SafeguardDatabase>().Configure(options, "sample"));
            services.AddEncryptedColumns<SampleContext>(columns => columns
                .Text<SampleClient>(c => c.Name, NamePurpose)
                .Bytes<SampleClient>(c => c.Letter, LetterPurpose));
        }));
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SampleContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await factory.DisposeAsync();
        folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private FieldEncryption Encryption => host.Services.GetRequiredService<FieldEncryption>();

    [Fact]
    public async Task Rotate_InterruptedThenResumed_ReencryptsEveryValueWithTheNewKey_OldValuesReadableThroughout()
    {
        var oldKey = Encryption.CurrentKeyId;
        await InsertSampleRowsAsync();
        // The application makes its Data Protection key as it starts; it is encrypted with the key ring too.
        var session = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("synthetic session");
        var before = await RawValuesAsync();
        before.Count.ShouldBe(2 * Rows);
        before.ShouldAllBe(v => v.StartsWith(Header(oldKey), StringComparison.Ordinal) && !v.Contains("Synthetic", StringComparison.Ordinal));

        var keys = host.Services.GetRequiredService<KeyRingStore>();
        var newKey = keys.Change(ring => ring.WithNewCurrentKey(DateTimeOffset.UtcNow.AddSeconds(1))).Current.Id;
        await SampleRowsShouldDecryptAsync();

        // Interrupted after two batches of names, as a person pressing Ctrl+C would.
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var batches = 0;
        var rotation = host.Services.GetRequiredService<KeyRotation>();
        await Should.ThrowAsync<OperationCanceledException>(() => rotation.ReencryptAsync(new ReencryptionRun(5, (purpose, _, _) =>
        {
            if (purpose == NamePurpose && ++batches == 2)
            {
                interrupt.Cancel();
            }
        }), interrupt.Token));
        var halfway = await RawValuesAsync();
        halfway.Count(v => v.StartsWith(Header(newKey), StringComparison.Ordinal)).ShouldBe(10);
        halfway.Count(v => v.StartsWith(Header(oldKey), StringComparison.Ordinal)).ShouldBe(2 * Rows - 10);
        await SampleRowsShouldDecryptAsync();

        var progress = new List<(string Purpose, long Done, long Of)>();
        var done = await rotation.ReencryptAsync(new ReencryptionRun(5, (purpose, values, of) => progress.Add((purpose, values, of))), Cancel);

        done.Failures.ShouldBeEmpty();
        done.Reencrypted.ShouldBe(2 * Rows - 10, "the rest of the names and every letter; the Data Protection key was done before the interruption");
        progress.ShouldContain((NamePurpose, (long)Rows - 10, (long)Rows - 10));
        progress.ShouldContain((LetterPurpose, (long)Rows, (long)Rows));
        var after = await RawValuesAsync();
        after.Count.ShouldBe(2 * Rows);
        after.ShouldAllBe(v => v.StartsWith(Header(newKey), StringComparison.Ordinal) && !v.Contains("Synthetic", StringComparison.Ordinal));
        var dataProtectionKeys = await RawDataProtectionKeysAsync();
        dataProtectionKeys.ShouldNotBeEmpty("the application made its Data Protection key as it started");
        dataProtectionKeys.ShouldAllBe(xml => xml.Contains($"sgf1.{newKey}.", StringComparison.Ordinal) && !xml.Contains($"sgf1.{oldKey}.", StringComparison.Ordinal));
        await SampleRowsShouldDecryptAsync();
        var usage = await rotation.UsageAsync(Cancel);
        usage.Where(u => u.Purpose is NamePurpose or LetterPurpose).Select(u => u.Counts.GetValueOrDefault(newKey)).ShouldBe([Rows, Rows]);
        usage.SelectMany(u => u.Counts).ShouldAllBe(c => c.Key == newKey);

        // Another node, reading the re-encrypted Data Protection key afresh, still reads what was protected before.
        await using var node = factory.WithWebHostBuilder(_ => { });
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(session).ShouldBe("synthetic session");
    }

    [Fact]
    public async Task Rotate_ValueThatDoesNotDecrypt_IsReportedByRowWithoutItsContents_AndTheRestAreReencrypted()
    {
        await InsertSampleRowsAsync();
        var moved = Encryption.Encrypt("Synthetic moved value", "sample.other.column");
        await ExecuteAsync($"UPDATE sample_clients SET \"Name\" = '{moved}' WHERE \"Id\" = 7");
        var newKey = host.Services.GetRequiredService<KeyRingStore>().Change(ring => ring.WithNewCurrentKey(DateTimeOffset.UtcNow.AddSeconds(1))).Current.Id;

        var done = await host.Services.GetRequiredService<KeyRotation>().ReencryptAsync(new ReencryptionRun(4, (_, _, _) => { }), Cancel);

        var failure = done.Failures.ShouldHaveSingleItem();
        failure.ShouldStartWith($"{NamePurpose}, row 7: A value encrypted with key ");
        failure.ShouldNotContain("Synthetic");
        done.Reencrypted.ShouldBe(2 * Rows - 1 + 1, "the rest, and the Data Protection key the application made as it started");
        (await RawValuesAsync()).Count(v => v.StartsWith(Header(newKey), StringComparison.Ordinal)).ShouldBe(2 * Rows - 1);
    }

    private async Task InsertSampleRowsAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SampleContext>();
        for (var i = 1; i <= Rows; i++)
        {
            db.Clients.Add(new SampleClient
            {
                Id = i,
                Name = Encryption.Encrypt($"Synthetic Person {i}", NamePurpose),
                Letter = Encryption.EncryptBytes(System.Text.Encoding.UTF8.GetBytes($"Synthetic letter {i}"), LetterPurpose),
            });
        }
        await db.SaveChangesAsync(Cancel);
    }

    private async Task SampleRowsShouldDecryptAsync()
    {
        using var scope = host.Services.CreateScope();
        var clients = await scope.ServiceProvider.GetRequiredService<SampleContext>().Clients.OrderBy(c => c.Id).ToListAsync(Cancel);
        clients.Select(c => Encryption.Decrypt(c.Name, NamePurpose)).ShouldBe(Enumerable.Range(1, Rows).Select(i => $"Synthetic Person {i}"));
        clients.Select(c => System.Text.Encoding.UTF8.GetString(Encryption.DecryptBytes(c.Letter!, LetterPurpose)))
            .ShouldBe(Enumerable.Range(1, Rows).Select(i => $"Synthetic letter {i}"));
    }

    /// <summary>Every stored name and letter as the database holds it (letters as Latin-1 text, so a header or a name would show).</summary>
    private async Task<List<string>> RawValuesAsync()
    {
        var values = new List<string>();
        await QueryAsync("SELECT \"Name\", \"Letter\" FROM sample_clients", reader =>
        {
            values.Add(reader.GetString(0));
            values.Add(System.Text.Encoding.Latin1.GetString(reader.GetFieldValue<byte[]>(1)));
        });
        return values;
    }

    private async Task<List<string>> RawDataProtectionKeysAsync()
    {
        var rows = new List<string>();
        await QueryAsync("SELECT \"Xml\" FROM accounts_data_protection_keys", reader => rows.Add(reader.GetString(0)));
        return rows;
    }

    private async Task QueryAsync(string sql, Action<DbDataReader> row)
    {
        using var scope = host.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<SampleContext>().Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            row(reader);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SampleContext>().Database.ExecuteSqlRawAsync(sql, Cancel);
    }
}

public sealed class SqliteKeyRotationTests : KeyRotationTests
{
    protected override PortalFactory CreateFactory(string keyFile) => new OwnSqlitePortalFactory { KeyFile = keyFile, DemonstrationData = false };
}

public sealed class PostgresKeyRotationTests : KeyRotationTests
{
    protected override PortalFactory CreateFactory(string keyFile) => new OwnPostgresPortalFactory { KeyFile = keyFile, DemonstrationData = false };
}
