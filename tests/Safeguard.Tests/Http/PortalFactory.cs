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
/// The real application in memory as the HTTP tests see it: its services, clients, clock, e-mail and log. A test class
/// takes <see cref="SqlitePortalFactory"/> or <see cref="PostgresPortalFactory"/>, the one application per engine that
/// every such class of the assembly shares (so each test uses data of its own: its own accounts, clients, requests,
/// releases), or an application of its own (<see cref="OwnPortalFactory"/>) when it needs other settings or another
/// clock, or changes what the others read (publishing a release changes the latest one).
/// </summary>
public abstract class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Which database engine the application runs on, for test names and messages.</summary>
    public abstract string Provider { get; }

    /// <summary>Where the application writes e-mails (<c>Safeguard:Mail:PickupFolder</c>).</summary>
    public abstract string MailFolder { get; }

    /// <summary>The application's clock (<see cref="MovableClock"/>).</summary>
    public abstract MovableClock Clock { get; }

    /// <summary>What the application logs at Warning and above (the tests' log level).</summary>
    public abstract LogRecorder Log { get; }

    /// <summary>What another person does a moment before the application's next casework or FOI change, when a test arms it.</summary>
    public abstract Meanwhile Meanwhile { get; }

    public abstract ValueTask InitializeAsync();

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
}

/// <summary>
/// The application on a database of its own, loaded with the demonstration data by the application's own start-up (as
/// <c>./safeguard serve</c> does after <c>./safeguard migrate</c>), without casework's 320 demonstration clients unless a
/// test reads them.
/// </summary>
public abstract class OwnPortalFactory : PortalFactory
{
    public override string MailFolder { get; } = Directory.CreateTempSubdirectory("safeguard-mail-").FullName;

    /// <summary>This application's key ring (<c>Safeguard:Encryption:KeyRing</c>), made for it alone.</summary>
    public virtual string KeyRing { get; } = TestKeyRings.NewJson();

    /// <summary>A key file to use instead of <see cref="KeyRing"/> (rotation changes the file), if set before the application starts.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Whether start-up loads the demonstration data (as <c>./safeguard serve</c> does unless told not to).</summary>
    public bool DemonstrationData { get; init; } = true;

    /// <summary>
    /// Whether the demonstration data includes casework's synthetic clients (<c>Safeguard:Casework:DemonstrationData</c>):
    /// only for a test that reads them, since writing 320 encrypted cases is most of an application's start.
    /// </summary>
    public bool CaseworkDemonstrationData { get; init; }

    /// <summary>
    /// Whether the application runs its daily FOI reminder run, as in production: only for a test of that run as the
    /// application starts it (<see cref="DailyFoiReminders"/> says why the others go without).
    /// </summary>
    public bool DailyFoiRemindersRun { get; init; }

    private readonly MovableClock clock = new();

    /// <summary>
    /// The application's clock: from <see cref="MovableClock.Start"/>, unless a test gives a clock starting elsewhere
    /// (<see cref="StartingClock"/>) before the application starts; moved on by a test.
    /// </summary>
    public override MovableClock Clock => clock;

    /// <summary>A clock starting elsewhere than <see cref="MovableClock.Start"/>, given before the application starts.</summary>
    public MovableClock StartingClock { init => clock = value; }

    /// <summary>Settings beyond the tests' own, given before the application starts.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public override LogRecorder Log { get; } = new();

    public override Meanwhile Meanwhile { get; } = new();

    /// <summary>What another node does a moment before this application saves a change of staff accounts or their mail, when a test arms it.</summary>
    public BeforeSaving BeforeSaving { get; } = new();

    protected abstract string ConnectionString { get; }

    /// <summary>The database this application runs on, for another node on the same one.</summary>
    public string DatabaseConnectionString => ConnectionString;

    public override ValueTask InitializeAsync()
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
        builder.UseSetting(SafeguardSettings.CaseworkDemonstrationData, CaseworkDemonstrationData ? "true" : "false");
        builder.UseSetting("Safeguard:HomeOfficeDemonstrationFolder", "");
        builder.UseSetting("Safeguard:Mail:PickupFolder", MailFolder);
        // Every test request comes from the same (unknown) address; the per-address limits have tests of their own.
        builder.UseSetting("Safeguard:Accounts:SignInAttemptsPerMinute", "10000");
        builder.UseSetting(SafeguardSettings.CaseworkReferralsPerHour, "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(services =>
        {
            // A test's requests carry its execution context into the application, where Meanwhile reads what it armed.
            services.Configure<TestServerOptions>(options => options.PreserveExecutionContext = true);
            services.AddSingleton<TimeProvider>(Clock);
            // Production hashes a passphrase with 210,000 PBKDF2 iterations, a sixth of a second of CPU; these tests
            // sign in hundreds of times, and what they check (which passphrase is accepted, how many are hashed) does not
            // depend on the count. The browser journeys and the command-line tests keep production's.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(options => options.IterationCount = 1_000);
            services.AddSingleton<CountingPassphraseHasher>();
            services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Safeguard.Accounts.StaffAccount>>(provider => provider.GetRequiredService<CountingPassphraseHasher>());
            services.ConfigureDbContext<SqliteCaseworkDbContext>((_, options) => options.AddInterceptors(Meanwhile), ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgresCaseworkDbContext>((_, options) => options.AddInterceptors(Meanwhile), ServiceLifetime.Singleton);
            services.ConfigureDbContext<SqliteFoiDbContext>((_, options) => options.AddInterceptors(Meanwhile));
            services.ConfigureDbContext<PostgresFoiDbContext>((_, options) => options.AddInterceptors(Meanwhile));
            services.ConfigureDbContext<Safeguard.Parliament.Data.SqliteParliamentDbContext>((_, options) => options.AddInterceptors(Meanwhile));
            services.ConfigureDbContext<Safeguard.Parliament.Data.PostgresParliamentDbContext>((_, options) => options.AddInterceptors(Meanwhile));
            services.WithoutDailyAppgReminders();
            services.ConfigureDbContext<SqliteAccountsDbContext>((_, options) => options.AddInterceptors(BeforeSaving), ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgresAccountsDbContext>((_, options) => options.AddInterceptors(BeforeSaving), ServiceLifetime.Singleton);
            if (!DailyFoiRemindersRun)
            {
                services.WithoutDailyFoiReminders();
            }
        });
    }

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

/// <summary>The application on a fresh SQLite file of its own, a copy of the migrated one (<see cref="MigratedDatabases"/>).</summary>
public class OwnSqlitePortalFactory : OwnPortalFactory
{
    private readonly string folder = Directory.CreateTempSubdirectory("safeguard-tests-").FullName;

    public override string Provider => "SQLite";

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False";

    public override async ValueTask InitializeAsync()
    {
        await MigratedDatabases.CopySqliteAsync(Path.Combine(folder, "safeguard.db"));
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// The application on <c>safeguard.db</c> in a folder the test owns (where the command line finds it too, with
/// <c>SAFEGUARD_DATA_DIR</c>), with a given key ring, started as many times as a test likes; with all the
/// demonstration data, as <c>./safeguard serve</c> has it, unless told otherwise.
/// </summary>
public class FolderPortalFactory : OwnPortalFactory
{
    private readonly string folder;

    private readonly string keyRing;

    public FolderPortalFactory(string folder, string keyRing)
    {
        this.folder = folder;
        this.keyRing = keyRing;
        CaseworkDemonstrationData = true;
    }

    public override string Provider => "SQLite";

    public override string KeyRing => keyRing;

    protected override string ConnectionString => $"Data Source={Path.Combine(folder, "safeguard.db")};Pooling=False";
}

/// <summary>
/// Another node of the application on the database of <paramref name="first"/>, with its key ring, as a second
/// <c>safeguard serve</c> behind the same proxy would be; it migrates nothing new and loads no demonstration data.
/// </summary>
public sealed class AnotherNodeFactory(OwnPortalFactory first) : OwnPortalFactory
{
    public override string Provider => first.Provider;

    public override string KeyRing => first.KeyRing;

    protected override string ConnectionString => first.DatabaseConnectionString;
}

/// <summary>
/// The application on a fresh database of its own in the PostgreSQL server that ./test.sh starts, a clone of the
/// migrated one (<see cref="MigratedDatabases"/>).
/// </summary>
public class OwnPostgresPortalFactory : OwnPortalFactory
{
    private readonly string database = $"safeguard_test_{Guid.NewGuid():N}";

    public override string Provider => "PostgreSQL";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = database }.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(await MigratedDatabases.CreatePostgresSqlAsync(database), connection);
            await create.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresPortalFactory.Server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Own applications with casework's demonstration clients, for the tests that read them.</summary>
public sealed class SqliteDemonstrationPortalFactory : OwnSqlitePortalFactory
{
    public SqliteDemonstrationPortalFactory() => CaseworkDemonstrationData = true;
}

/// <inheritdoc cref="SqliteDemonstrationPortalFactory"/>
public sealed class PostgresDemonstrationPortalFactory : OwnPostgresPortalFactory
{
    public PostgresDemonstrationPortalFactory() => CaseworkDemonstrationData = true;
}

/// <summary>
/// A test class's view of the application the assembly shares on one engine (<see cref="SharedPortals"/>): cheap to
/// make, since it starts nothing. Its clients reach the shared application's server, its services are that
/// application's, and leaving the class leaves the application running for the next.
/// </summary>
public abstract class SharedPortalFactory(Task<OwnPortalFactory> shared) : PortalFactory
{
    private OwnPortalFactory? application;

    private OwnPortalFactory Application => application ?? throw new InvalidOperationException("The shared application is reached once the test class's fixture is initialised.");

    public override string Provider => Application.Provider;

    public override string MailFolder => Application.MailFolder;

    public override MovableClock Clock => Application.Clock;

    public override LogRecorder Log => Application.Log;

    public override Meanwhile Meanwhile => Application.Meanwhile;

    public override async ValueTask InitializeAsync()
    {
        application = await shared;
        StartServer();
    }

    /// <summary>The shared application's host, lent: the factory's server and services are then the shared application's.</summary>
    protected override IHost CreateHost(IHostBuilder builder) => new LentHost(Application.Services);

#pragma warning disable CA2215 // The base's disposal would dispose the shared server: SharedPortals stops it after the last class.
    public override ValueTask DisposeAsync()
#pragma warning restore CA2215
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private sealed class LentHost(IServiceProvider services) : IHost
    {
        public IServiceProvider Services => services;

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}

/// <summary>The application on SQLite that every test class taking it shares.</summary>
public sealed class SqlitePortalFactory(SharedPortals portals) : SharedPortalFactory(portals.Sqlite);

/// <summary>The application on PostgreSQL that every test class taking it shares.</summary>
public sealed class PostgresPortalFactory(SharedPortals portals) : SharedPortalFactory(portals.Postgres)
{
    /// <summary>The server the tests use: <c>SAFEGUARD_TEST_POSTGRES</c>, set by ./test.sh.</summary>
    public static new string Server =>
        Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "PostgreSQL tests need a server: set SAFEGUARD_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=55432;Username=postgres) or run ./test.sh, which starts one.");
}
