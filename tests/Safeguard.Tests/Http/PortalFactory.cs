using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MimeKit;
using Npgsql;
using Safeguard.Accounts.Data;
using Safeguard.Casework.Data;
using Safeguard.Foi.Data;
using Safeguard.Platform;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Encryption;

namespace Safeguard.Tests.Http;

/// <summary>
/// The real application in memory, on a database of its own, migrated and loaded with the demonstration data by the
/// application's own start-up (as <c>./safeguard serve</c> does).
/// </summary>
public abstract class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Which database engine this factory runs on, for test names and messages.</summary>
    public abstract string Provider { get; }

    /// <summary>Where the application writes e-mails (<c>Safeguard:Mail:PickupFolder</c>), one folder per factory.</summary>
    public string MailFolder { get; } = Directory.CreateTempSubdirectory("safeguard-mail-").FullName;

    /// <summary>This application's key ring (<c>Safeguard:Encryption:KeyRing</c>), made for it alone.</summary>
    public virtual string KeyRing { get; } = TestKeyRings.NewJson();

    /// <summary>A key file to use instead of <see cref="KeyRing"/> (rotation changes the file), if set before the application starts.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Whether start-up loads the demonstration data (as <c>./safeguard serve</c> does unless told not to).</summary>
    public bool DemonstrationData { get; init; } = true;

    /// <summary>
    /// Whether the application runs its daily FOI reminder run, as in production: only for a test of that run as the
    /// application starts it (<see cref="DailyFoiReminders"/> says why the others go without).
    /// </summary>
    public bool DailyFoiRemindersRun { get; init; }

    /// <summary>
    /// The application's clock: from <see cref="MovableClock.Start"/>, unless a test gives a clock starting elsewhere
    /// before the application starts; moved on by a test.
    /// </summary>
    public MovableClock Clock { get; init; } = new();

    /// <summary>Settings beyond the tests' own, given before the application starts.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>What the application logs at Warning and above (the tests' log level).</summary>
    public LogRecorder Log { get; } = new();

    /// <summary>What another person does a moment before the application's next casework or FOI change, when a test arms it.</summary>
    public Meanwhile Meanwhile { get; } = new();

    /// <summary>What another node does a moment before this application saves a change of staff accounts or their mail, when a test arms it.</summary>
    public BeforeSaving BeforeSaving { get; } = new();

    protected abstract string ConnectionString { get; }

    /// <summary>The database this application runs on, for another node on the same one.</summary>
    public string DatabaseConnectionString => ConnectionString;

    public virtual ValueTask InitializeAsync()
    {
        // Starting the server (in memory, or on Kestrel when told to) runs migrations and loads the demonstration data.
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        if (KeyFile is null)
        {
            builder.UseSetting(SafeguardSettings.EncryptionKeyRing, KeyRing);
        }
        else
        {
            builder.UseSetting(SafeguardSettings.EncryptionKeyFile, KeyFile);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting(SafeguardSettings.DemonstrationData, DemonstrationData ? "true" : "false");
        builder.UseSetting("Safeguard:HomeOfficeDemonstrationFolder", "");
        builder.UseSetting("Safeguard:Mail:PickupFolder", MailFolder);
        // Every test request comes from the same (unknown) address; the per-address limit has a test of its own.
        builder.UseSetting("Safeguard:Accounts:SignInAttemptsPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<CountingPassphraseHasher>();
            services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Safeguard.Accounts.StaffAccount>>(provider => provider.GetRequiredService<CountingPassphraseHasher>());
            services.ConfigureDbContext<SqliteCaseworkDbContext>((_, options) => options.AddInterceptors(Meanwhile), ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgresCaseworkDbContext>((_, options) => options.AddInterceptors(Meanwhile), ServiceLifetime.Singleton);
            services.ConfigureDbContext<SqliteFoiDbContext>((_, options) => options.AddInterceptors(Meanwhile));
            services.ConfigureDbContext<PostgresFoiDbContext>((_, options) => options.AddInterceptors(Meanwhile));
            services.ConfigureDbContext<SqliteAccountsDbContext>((_, options) => options.AddInterceptors(BeforeSaving), ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgresAccountsDbContext>((_, options) => options.AddInterceptors(BeforeSaving), ServiceLifetime.Singleton);
            if (!DailyFoiRemindersRun)
            {
                services.WithoutDailyFoiReminders();
            }
        });
    }

    /// <summary>
    /// The e-mails to <paramref name="address"/> that the outbox has written to <see cref="MailFolder"/>, waiting up to
    /// 10 seconds for the first, or, with <paramref name="until"/>, for one it picks out (the outbox writes in the background).
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> MailToAsync(string address, Func<MimeMessage, bool>? until = null)
    {
        for (var wait = 0; wait < 100; wait++)
        {
            var mail = new List<MimeMessage>();
            foreach (var file in Directory.GetFiles(MailFolder, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                if (message.To.Mailboxes.Any(m => m.Address == address))
                {
                    mail.Add(message);
                }
            }
            if (until is null ? mail.Count > 0 : mail.Any(until))
            {
                return mail;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No e-mail to {address}{(until is null ? "" : " of those awaited")} reached {MailFolder} within 10 seconds.");
    }

    /// <summary>
    /// A client over HTTPS (the test server does no TLS, but the request is HTTPS to the application, so its
    /// <c>Secure</c>, <c>__Host-</c> cookies work as in production), with its own cookies, not following redirects.
    /// </summary>
    public HttpClient CreateStaffClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}

/// <summary>The application on a fresh SQLite file.</summary>
public class SqlitePortalFactory : PortalFactory
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-tests-").FullName;

    public override string Provider => "SQLite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// The application on <c>safeguard.db</c> in a folder the test owns (where the command line finds it too, with
/// <c>SAFEGUARD_DATA_DIR</c>), with a given key ring, started as many times as a test likes.
/// </summary>
public class FolderPortalFactory(string folder, string keyRing) : PortalFactory
{
    public override string Provider => "SQLite";

    public override string KeyRing => keyRing;

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False";
}

/// <summary>
/// Another node of the application on the database of <paramref name="first"/>, with its key ring, as a second
/// <c>safeguard serve</c> behind the same proxy would be; it migrates nothing new and loads no demonstration data.
/// </summary>
public sealed class AnotherNodeFactory(PortalFactory first) : PortalFactory
{
    public override string Provider => first.Provider;

    public override string KeyRing => first.KeyRing;

    protected override string ConnectionString => first.DatabaseConnectionString;
}

/// <summary>The application on a fresh database in the PostgreSQL server that ./test.sh starts.</summary>
public class PostgresPortalFactory : PortalFactory
{
    private readonly string database = $"safeguard_test_{Guid.NewGuid():N}";

    public override string Provider => "PostgreSQL";

    /// <summary>The server the tests use: <c>SAFEGUARD_TEST_POSTGRES</c>, set by ./test.sh.</summary>
    public static new string Server =>
        Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "PostgreSQL tests need a server: set SAFEGUARD_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=55432;Username=postgres) or run ./test.sh, which starts one.");

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
