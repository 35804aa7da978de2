using System.CommandLine;
using Safeguard.Parliament.Register;
using Safeguard.Platform;

namespace Safeguard.Parliament;

/// <summary>
/// The Parliament module's commands, under <c>parliament</c>: <c>register import</c>. A refused command exits 1 having
/// changed nothing, and says which file, line and column to fix.
/// </summary>
internal static class ParliamentCommands
{
    /// <summary>Exit code of a refused command.</summary>
    public const int Refused = 1;

    /// <summary>The <c>parliament</c> command, opening the application's services through <paramref name="open"/>.</summary>
    public static IEnumerable<Command> Create(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        yield return new Command("parliament", "The register of MPs and peers, and the APPG on Immigration Detention.")
        {
            new Command("register", "The register of parliamentarians and the APPG's members.") { Import(open) },
            Postcodes.PostcodeCommands.Create(open),
        };
    }

    private static Command Import(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var mps = new Option<FileInfo?>("--mps") { Description = "The MP list (CSV, as dfe-mp_lookup.csv): one row per seat with member_id, the MNIS id." };
        var constituencies = new Option<FileInfo?>("--constituencies") { Description = "Constituency codes and names (JSON, as postcodesio-constituencies.json)." };
        var appg = new Option<FileInfo?>("--appg") { Description = "The APPG's register entry and members list (JSON, as appg-immigration-detention.json)." };
        var command = new Command("import", "Bring the register up to newer files; run again on the same files, it changes nothing. Staff notes are kept.")
        {
            mps, constituencies, appg,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var files = new[] { result.GetValue(mps), result.GetValue(constituencies), result.GetValue(appg) };
            if (files.All(f => f is null))
            {
                await result.Errors().WriteLineAsync("error: name at least one file: --mps FILE, --constituencies FILE or --appg FILE.");
                return Refused;
            }
            if (files.FirstOrDefault(f => f is { Exists: false }) is { } missing)
            {
                await result.Errors().WriteLineAsync($"error: {missing.FullName} does not exist.");
                return Refused;
            }
            RegisterFiles read;
            try
            {
                read = await RegisterFiles.ReadAsync(files[0], files[1], files[2], cancellationToken);
            }
            catch (RegisterFileException refused)
            {
                await result.Errors().WriteLineAsync($"error: {refused.Message}");
                await result.Errors().WriteLineAsync("Nothing was imported.");
                return Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<RegisterImport>().ImportAsync(read, cancellationToken);
            foreach (var line in report.Lines)
            {
                await result.Output().WriteLineAsync(line);
            }
            return 0;
        });
        return command;
    }
}
