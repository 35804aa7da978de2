using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Safeguard.Casework.EvidencePacks;

/// <summary>
/// The reports served, attached to the evidence pack's PDF: a report uploaded as a PDF has its own pages appended after
/// the pack's (PDFsharp imports them as they are, so nothing of the report is re-typeset); any other file is sent beside
/// the pack, which says so.
/// </summary>
internal static class AttachedReports
{
    /// <summary>How many pages <paramref name="file"/> has when it is a PDF PDFsharp can import; null otherwise.</summary>
    public static int? PageCount(byte[] file)
    {
        try
        {
            using var report = Open(file);
            return report.PageCount;
        }
        // A report is whatever file was uploaded: one that is not a PDF, or one PDFsharp cannot read (encrypted, damaged),
        // is sent beside the pack rather than stopping it being made.
        catch (Exception unreadable) when (unreadable is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The pack's PDF with each of <paramref name="reports"/>' pages after its own, in order.</summary>
    public static byte[] Append(byte[] pack, IEnumerable<byte[]> reports)
    {
        using var bound = new PdfDocument();
        foreach (var file in reports.Prepend(pack))
        {
            using var part = Open(file);
            foreach (var page in part.Pages)
            {
                bound.AddPage(page);
            }
        }
        using var output = new MemoryStream();
        bound.Save(output);
        return output.ToArray();
    }

    private static PdfDocument Open(byte[] file) => PdfReader.Open(new MemoryStream(file, writable: false), PdfDocumentOpenMode.Import);
}
