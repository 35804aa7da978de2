using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Platform.Web.Forms;

/// <summary>A file a form took, read whole once its checks passed: its name to keep (<see cref="StoredFileName"/>) and its bytes.</summary>
public sealed record UploadedFileContent(string FileName, byte[] Content);

/// <summary>
/// The checks an upload form makes of its file before anything is kept, each failure an error on the file's field that
/// says what is wrong with which file and what to do; with <see cref="UploadSizeLimit"/> refusing a request too large
/// to read before it is.
/// </summary>
public static class UploadedFile
{
    /// <summary>"12,345 bytes", "1.2 KB" or "1.2 MB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : bytes >= 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB") : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    /// <summary>
    /// A PDF, checked by its bytes (a PDF starts <c>%PDF-</c>, whatever its name or declared type say), not empty, at most
    /// <paramref name="maxBytes"/> (else <paramref name="tooLarge"/>), with a name to keep; null, with the error on
    /// <paramref name="field"/>, otherwise.
    /// </summary>
    public static async Task<UploadedFileContent?> ReadPdfAsync(
        this ModelStateDictionary errors, string field, IFormFile? file, long maxBytes, string tooLarge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var name = file is null ? "" : StoredFileName.From(file.FileName);
        var fault = file switch
        {
            null => "Choose the PDF to attach",
            { Length: 0 } => $"{name} is empty: choose the PDF again, or another",
            _ when file.Length > maxBytes => tooLarge,
            _ when name is not { Length: > 0 and <= 255 } => "The file's name must be 255 characters or fewer; rename it and choose it again",
            _ => null,
        };
        if (fault is not null || file is null)
        {
            errors.AddModelError(field, fault ?? "");
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        if (!content.AsSpan().StartsWith("%PDF-"u8))
        {
            errors.AddModelError(field, $"{name} is not a PDF: its contents are not those of a PDF, whatever its name says. Save or print it as a PDF and choose that");
            return null;
        }
        return new UploadedFileContent(name, content);
    }
}
