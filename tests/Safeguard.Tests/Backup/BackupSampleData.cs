using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Host;
using Safeguard.Platform;

namespace Safeguard.Tests.Backup;

/// <summary>
/// A database worth backing up: the demonstration data (the release 2024, and casework's synthetic clients, encrypted
/// with a key ring made for the run) loaded by the application's own start-up, a file of
/// synthetic figures imported through the statistics importer (a draft release, its figures and the stored file),
/// and a stored document written directly holding every byte value, text beyond ASCII and a null.
/// </summary>
internal static class BackupSampleData
{
    /// <summary>Every byte value, twice: a stored document's bytes must come back exactly.</summary>
    public static readonly byte[] EveryByte = [.. Enumerable.Range(0, 512).Select(i => (byte)(i % 256))];

    public static async Task LoadAsync(DatabaseProvider provider, string connectionString, string workFolder)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var app = SafeguardWebApplication.Create([
            $"--ConnectionStrings:Default={connectionString}", "--Safeguard:HomeOfficeDemonstrationFolder=",
            $"--{SafeguardSettings.EncryptionKeyRing}={Encryption.TestKeyRings.NewJson()}",
            "--Safeguard:MigrateOnStart=false", "--Logging:LogLevel:Default=Warning"]))
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demonstrationData: true, cancel);
        }

        var file = Path.Combine(workFolder, "people_in_detention.csv");
        await File.WriteAllTextAsync(file,
            "Date,Year,Quarter,Nationality,Region,Sex,Age,Current place of detention,Length of detention,People\n"
            + "2023-12-31,2023,4,Utopia,Elsewhere,Male,18 to 29,Brook House IRC,A: 3 days or less,5\n"
            + "2023-12-31,2023,4,Arcadia,Elsewhere,Male,30 to 39,Brook House IRC,B: 4 to 7 days,7\n"
            + "2023-12-31,2023,4,Utopia,Elsewhere,Female,18 to 29,Yarl's Wood IRC,A: 3 days or less,4\n", cancel);
        var imported = await SafeguardCommand.RunAsync(workFolder,
            "import", file, "--template", "home-office-det-d02", "--release", "2024-h2", "--source", "FOI 12345", "--database", connectionString);
        imported.ExitCode.ShouldBe(0, imported.Errors);

        await using DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancel);
        await using var document = connection.CreateCommand();
        document.CommandText = """
            INSERT INTO statistics_source_documents ("Title", "Authority", "Reference", "FileName", "Sha256", "SizeBytes")
            VALUES (@title, @authority, NULL, @file, @sha, @size) RETURNING "Id"
            """;
        Add(document, "@title", "Ynys Môn — “quoted” ☂ test document, with a\nnewline and a 'quote'");
        Add(document, "@authority", "Synthetic Authority");
        Add(document, "@file", "every-byte.bin");
        Add(document, "@sha", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(EveryByte)));
        Add(document, "@size", (long)EveryByte.Length);
        var id = Convert.ToInt64(await document.ExecuteScalarAsync(cancel), System.Globalization.CultureInfo.InvariantCulture);
        await using var content = connection.CreateCommand();
        content.CommandText = """INSERT INTO statistics_source_files ("SourceDocumentId", "Content") VALUES (@id, @content)""";
        Add(content, "@id", id);
        Add(content, "@content", EveryByte);
        await content.ExecuteNonQueryAsync(cancel);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
