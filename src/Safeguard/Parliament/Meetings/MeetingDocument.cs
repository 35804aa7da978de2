namespace Safeguard.Parliament.Meetings;

/// <summary>
/// A PDF attached to a meeting (an agenda, the slides of a panel, a note of the visit) with a title: public when its
/// meeting is published, the secretariat's only while it is not.
/// </summary>
internal sealed class MeetingDocument
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    /// <summary>What the pages call it: "Agenda", "Slides of the panel".</summary>
    public required string Title { get; set; }

    /// <summary>The file's name as uploaded, last part only (<see cref="Platform.StoredFileName"/>).</summary>
    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    public long SizeBytes { get; set; }

    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>A document as a meeting's pages list it, without its bytes.</summary>
internal sealed record MeetingDocumentEntry(int Id, string Title, string FileName, long SizeBytes);
