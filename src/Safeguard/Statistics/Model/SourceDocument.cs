namespace Safeguard.Statistics.Model;

/// <summary>The document a figure was taken from: an FOI answer, a Home Office table, or the charity's own publication.</summary>
internal sealed class SourceDocument
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>Who published or sent it, e.g. "Home Office" or "Medical Justice".</summary>
    public required string Authority { get; set; }

    /// <summary>The FOI or publication reference, where there is one.</summary>
    public string? Reference { get; set; }

    /// <summary>When the charity received or the authority published it.</summary>
    public DateOnly? DateReceived { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored file, so a copy can be checked against it.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Size of the stored file in bytes.</summary>
    public long SizeBytes { get; set; }
}
