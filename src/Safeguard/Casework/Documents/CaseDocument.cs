namespace Safeguard.Casework.Documents;

/// <summary>What a document is.</summary>
internal enum DocumentKind
{
    MedicoLegalReport,
    Letter,
    Other,
}

/// <summary>
/// A document of a case (a medico-legal report, a letter), with its versions. A report served on the Home Office
/// carries the day it was served, from which the clocks count.
/// </summary>
internal sealed class CaseDocument
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>The assessment a medico-legal report reports on.</summary>
    public int? AssessmentId { get; set; }

    /// <summary>The day the document was served on the Home Office, once it was.</summary>
    public DateOnly? ServedOn { get; set; }

    public List<CaseDocumentVersion> Versions { get; set; } = [];
}

/// <summary>One uploaded version of a document: its bytes encrypted, its size and SHA-256 to check them by.</summary>
internal sealed class CaseDocumentVersion
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary>1, 2, 3, ... within the document.</summary>
    public int Number { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public required string UploadedBy { get; set; }

    /// <summary>The file's name as uploaded (it may name the person).</summary>
    public required string FileNameCipher { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the plaintext, 64 lower-case hex digits, checked again on every download.</summary>
    public required string Sha256 { get; set; }

    public required byte[] ContentCipher { get; set; }
}
