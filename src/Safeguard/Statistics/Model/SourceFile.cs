namespace Safeguard.Statistics.Model;

/// <summary>
/// The bytes of a <see cref="SourceDocument"/> exactly as received, kept so every published figure can be
/// followed to the original file. Stored apart from the document so listings never load the bytes.
/// </summary>
internal sealed class SourceFile
{
    public int SourceDocumentId { get; set; }

    public SourceDocument? SourceDocument { get; set; }

    public required byte[] Content { get; set; }
}
