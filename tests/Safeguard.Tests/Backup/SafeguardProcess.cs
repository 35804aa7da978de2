using System.Diagnostics;

namespace Safeguard.Tests.Backup;

/// <summary>The <c>safeguard</c> command run as a process of its own, as an administrator runs it.</summary>
internal static class SafeguardProcess
{
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(string dataFolder, params string[] arguments) =>
        RunAsync(dataFolder, new Dictionary<string, string>(), arguments);

    /// <summary>Runs with these environment variables too (settings such as <c>Safeguard__Encryption__KeyFile</c>).</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string dataFolder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Safeguard.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["SAFEGUARD_DATA_DIR"] = dataFolder;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }
}
