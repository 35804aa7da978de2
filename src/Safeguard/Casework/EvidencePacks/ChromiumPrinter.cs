using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Safeguard.Casework.EvidencePacks;

/// <summary>
/// Prints a page, as the application rendered it, to PDF with headless Chromium, so that the PDF and the printable
/// page are the same page under the same print stylesheet. Chromium is optional: without it there is no PDF, and the
/// printable page says so.
/// </summary>
internal sealed partial class ChromiumPrinter(IConfiguration configuration, IWebHostEnvironment environment, ILogger<ChromiumPrinter> log)
{
    /// <summary>How long Chromium may take to print one page before it is stopped.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The Chromium to print with: <c>Safeguard:Chromium</c>, else the <c>SAFEGUARD_CHROMIUM</c> variable, else
    /// <c>/usr/bin/chromium</c>; null when that file is not there.
    /// </summary>
    public string? Executable
    {
        get
        {
            var path = configuration["Safeguard:Chromium"] ?? Environment.GetEnvironmentVariable("SAFEGUARD_CHROMIUM") ?? "/usr/bin/chromium";
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// The PDF of <paramref name="html"/>, or null when Chromium is missing, fails or runs out of time. The page is
    /// written to a folder only this process's user can read (it holds a client's details) and removed at once.
    /// </summary>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken cancellationToken)
    {
        if (Executable is not { } chromium)
        {
            return null;
        }
        var folder = Directory.CreateTempSubdirectory("safeguard-print-");
        try
        {
            var page = Path.Combine(folder.FullName, "page.html");
            var pdf = Path.Combine(folder.FullName, "page.pdf");
            await File.WriteAllTextAsync(page, WithStylesInline(html), Encoding.UTF8, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            // No sandbox: the service may run as root, where Chromium refuses it; it opens only this local file.
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions",
                "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                await Task.WhenAll(output, errors);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                LogTimedOut(log, Limit.TotalSeconds);
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            }
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                // Chromium's own messages name no person: it was given a file path, not the page's text.
                LogFailed(log, process.ExitCode, errors.Result);
                return null;
            }
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The page with each of the site's stylesheets written into it: Chromium reads it from a file, where the site's
    /// addresses lead nowhere. (Served pages link them instead, as the Content-Security-Policy forbids inline styles.)
    /// </summary>
    private string WithStylesInline(string html) => StylesheetLink().Replace(html, link =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo(link.Groups["path"].Value);
        if (!file.Exists)
        {
            return "";
        }
        using var reader = new StreamReader(file.CreateReadStream());
        return $"<style>{reader.ReadToEnd()}</style>";
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium did not print within {Seconds} s")]
    private static partial void LogTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium could not print (exit code {ExitCode}): {Errors}")]
    private static partial void LogFailed(ILogger logger, int exitCode, string errors);

    [GeneratedRegex("""<link rel="stylesheet" href="/(?<path>css/[a-z-]+\.css)(\?[^"]*)?"\s*/?>""", RegexOptions.CultureInvariant)]
    private static partial Regex StylesheetLink();
}
