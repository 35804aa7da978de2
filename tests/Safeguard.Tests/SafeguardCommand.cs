using Microsoft.Data.Sqlite;
using Safeguard.Host;

namespace Safeguard.Tests;

/// <summary>
/// The <c>safeguard</c> command run in the tests' own process, as <c>Program</c> runs it, on a data folder of its own:
/// its exit code, and its output and errors (the log of the application it opens included) as a person would read
/// them. A command that must be a process of its own (a start that fails, a process killed, a second node) is run
/// with <see cref="Backup.SafeguardProcess"/>.
/// </summary>
internal static class SafeguardCommand
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string dataFolder, params string[] arguments) =>
        RunAsync(dataFolder, new Dictionary<string, string>(), arguments);

    /// <summary>Runs with these settings too, named as environment variables are (<c>Safeguard__Encryption__KeyFile</c>).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string dataFolder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var settings = environment.ToDictionary(setting => setting.Key.Replace("__", ":", StringComparison.Ordinal), setting => setting.Value);
        settings["SAFEGUARD_DATA_DIR"] = dataFolder;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        int exitCode;
        try
        {
            exitCode = await SafeguardCommandLine.InvokeAsync(arguments, TextWriter.Synchronized(output), TextWriter.Synchronized(errors), settings);
        }
        finally
        {
            // A process would have closed its database files on exit; the next command (a restore, say) may replace them.
            SqliteConnection.ClearAllPools();
        }
        return (exitCode, output.ToString(), errors.ToString());
    }
}
