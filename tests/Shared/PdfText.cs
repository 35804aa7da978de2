using System.Diagnostics;

namespace Safeguard.Tests;

/// <summary>The text of a PDF, as pdftotext (poppler-utils, which the test command installs) reads it.</summary>
internal static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf, cancellationToken);
            // In the order the page drew its text: read by position, the evidence pack's watermark, written across each
            // page, falls between the words of the lines it crosses.
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-raw", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? text : throw new InvalidOperationException($"pdftotext could not read the PDF (exit code {process.ExitCode}).");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
