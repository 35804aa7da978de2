using System.CommandLine;
using Safeguard.Platform;
using Safeguard.Platform.Encryption;

namespace Safeguard.Host;

/// <summary>
/// The <c>safeguard</c> command: <c>serve</c> runs the web application (the default), <c>migrate</c> prepares the
/// database without serving, <c>backup</c> and <c>restore</c> (<c>Platform/Backup</c>) copy it whole. Later modules add
/// their own commands here.
/// </summary>
public static class SafeguardCommandLine
{
    /// <summary>The command as a person runs it: output and errors on the console, settings from the environment.</summary>
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, new InvocationConfiguration { EnableDefaultExceptionHandler = false }, new Dictionary<string, string>(), log: null);

    /// <summary>
    /// The command with its output, errors and log written to <paramref name="output"/> and <paramref name="errors"/>
    /// (used from more than one thread, so synchronized writers), and <paramref name="settings"/> over the configuration
    /// (<c>SAFEGUARD_DATA_DIR</c>, <c>Safeguard:Encryption:KeyFile</c>, ...): the same command in a process that runs
    /// others, as the tests run it.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter errors, IReadOnlyDictionary<string, string> settings) =>
        InvokeAsync(args, new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = errors }, settings, log: output);

    private static Task<int> InvokeAsync(string[] args, InvocationConfiguration invocation, IReadOnlyDictionary<string, string> settings, TextWriter? log)
    {
        var database = new Option<string?>("--database")
        {
            Description = "Connection string; one naming a Host selects PostgreSQL. Default: SQLite in $SAFEGUARD_DATA_DIR (./data).",
            Recursive = true,
        };
        WebApplication Host(ParseResult result, params string[] more) => SafeguardWebApplication.Create([.. HostArguments(result, database, settings), .. more], log);
        var noDemonstrationData = new Option<bool>("--no-demo-data") { Description = "Do not load the demonstration data." };

        var serve = new Command("serve", "Run the web application. ASP.NET Core options such as --urls are passed through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.Options.Add(noDemonstrationData);
        serve.SetAction(async (result, cancellationToken) =>
        {
            var hostArgs = HostArguments(result, database, settings);
            // A failed start is reported by this command in words (or, if it is not a database problem, thrown
            // whole); the host's own log of it would only repeat it as a stack trace.
            hostArgs.Add("--Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host=None");
            if (result.GetValue(noDemonstrationData))
            {
                hostArgs.Add($"--{SafeguardSettings.DemonstrationData}=false");
            }
            await using var app = SafeguardWebApplication.Create([.. hostArgs], log);
            await FirstContact.ListenAsync(app, result.Output(), cancellationToken);
            await app.StartAsync(cancellationToken);
            await FirstContact.AnnounceAsync(app, result.Output(), cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });

        var migrate = new Command("migrate", "Create or upgrade the database and add reference data, then exit.");
        migrate.SetAction(async (result, cancellationToken) =>
        {
            await using var app = Host(result, $"--{SafeguardSettings.DemonstrationData}=false");
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demonstrationData: false, cancellationToken);
            await result.Output().WriteLineAsync($"Migrated the {SafeguardDatabase.FromConfiguration(app.Configuration).Describe()}.");
            return 0;
        });

        var root = new RootCommand("Safeguard: evidence on immigration detention, from FOI answers to published statistics.");
        root.Options.Add(database);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        Func<ParseResult, CancellationToken, Task<IHost>> open = (result, cancellationToken) =>
            OpenAsync(Host(result, $"--{SafeguardSettings.DemonstrationData}=false", "--Logging:LogLevel:Default=Warning"), cancellationToken);
        var backup = BackupCommands.Create(Host);
        foreach (var command in Statistics.StatisticsCommands.Create(open).Concat(Foi.FoiCommands.Create(open)).Concat(Parliament.ParliamentModule.Commands(open)).Concat(Accounts.AccountsCommands.Create(open)).Concat(backup))
        {
            root.Subcommands.Add(command);
        }
        root.Subcommands.Add(Audit.AuditCommands.Create(open));
        root.Subcommands.Add(KeyCommands.Create(open));

        // With no command, serve: that is also how the test host starts the application. A command may come after
        // the global options ("--database ... import FILE").
        var commands = root.Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var noCommand = args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("--help" or "-h" or "-?" or "--version") && !args.Any(commands.Contains);
        var parsed = root.Parse(noCommand ? ["serve", .. args] : args);
        return InvokeReportingDatabaseProblemsAsync(parsed, invocation);
    }

    /// <summary>A database, key ring or setting problem is the person's to fix: say what and where, without a stack trace, and exit 2.</summary>
    private static async Task<int> InvokeReportingDatabaseProblemsAsync(ParseResult parsed, InvocationConfiguration invocation)
    {
        try
        {
            return await parsed.InvokeAsync(invocation);
        }
        catch (Exception failure) when (StartProblem(failure) is { } problem)
        {
            await invocation.Error.WriteLineAsync($"Safeguard cannot start: {problem.Message}");
            return 2;
        }
    }

    private static Exception? StartProblem(Exception failure) => failure switch
    {
        DatabaseUnavailableException or KeyRingUnavailableException or InvalidSettingException => failure,
        AggregateException aggregate => aggregate.InnerExceptions.Select(StartProblem).FirstOrDefault(p => p is not null),
        _ => failure.InnerException is { } inner ? StartProblem(inner) : null,
    };

    /// <summary>The application's services for a command: the database migrated, nothing served, no demonstration data.</summary>
    private static async Task<IHost> OpenAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(demonstrationData: false, cancellationToken);
        return app;
    }

    private static List<string> HostArguments(ParseResult result, Option<string?> database, IReadOnlyDictionary<string, string> settings)
    {
        var hostArgs = result.UnmatchedTokens.ToList();
        hostArgs.AddRange(settings.Select(setting => $"--{setting.Key}={setting.Value}"));
        if (result.GetValue(database) is { Length: > 0 } connectionString)
        {
            hostArgs.Add($"--ConnectionStrings:Default={connectionString}");
        }
        return hostArgs;
    }
}
