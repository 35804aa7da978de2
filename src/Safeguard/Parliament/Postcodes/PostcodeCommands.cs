using System.CommandLine;
using System.Globalization;
using Safeguard.Parliament.Register;
using Safeguard.Platform;

namespace Safeguard.Parliament.Postcodes;

/// <summary><c>parliament postcodes import FILE</c>: an ONS postcode file into the lookup behind /parliament/your-mp.</summary>
internal static class PostcodeCommands
{
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> open)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The NSPL or ONSPD file as ONS publishes it (CSV, the whole UK: about 2.7 million rows)." };
        var import = new Command("import", "Load a newer edition beside the one in use, then switch to it at once; a bad row refuses the file and leaves the lookup as it was.")
        {
            file,
        };
        import.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await result.Errors().WriteLineAsync($"error: {path.FullName} does not exist.");
                return ParliamentCommands.Refused;
            }
            using var host = await open(result, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            using var text = new StreamReader(path.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            try
            {
                using var postcodes = PostcodeFile.Open(text, path.Name);
                var report = await scope.ServiceProvider.GetRequiredService<PostcodeImport>().ImportAsync(postcodes,
                    read => result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"{read:N0} postcodes read...")), cancellationToken);
                await result.Output().WriteLineAsync(report.Describe());
                return 0;
            }
            catch (RegisterFileException refused)
            {
                await result.Errors().WriteLineAsync($"error: {refused.Message}");
                await result.Errors().WriteLineAsync("Nothing was imported; the lookup still reads the edition it read before.");
                return ParliamentCommands.Refused;
            }
        });
        return new Command("postcodes", "The ONS postcode lookup behind /parliament/your-mp.") { import };
    }
}
