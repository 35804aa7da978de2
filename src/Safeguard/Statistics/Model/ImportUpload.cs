namespace Safeguard.Statistics.Model;

/// <summary>
/// A file a member of staff has uploaded for import, kept between the upload and the commit: the bytes and the source
/// details they gave. It belongs to the account that uploaded it, expires after a day and is removed once committed.
/// Its id is random and is the only way to it; no path from the browser is ever used.
/// </summary>
internal sealed class ImportUpload
{
    /// <summary>32 random hexadecimal characters.</summary>
    public required string Id { get; init; }

    /// <summary>The uploading account's id; nobody else can open the upload.</summary>
    public required string OwnerId { get; init; }

    /// <summary>The file's name as uploaded, last part only.</summary>
    public required string FileName { get; init; }

    public required byte[] Content { get; init; }

    public string? Title { get; init; }

    public required string Authority { get; init; }

    public string? Reference { get; init; }

    public DateOnly? DateReceived { get; init; }

    public DateTime UploadedAtUtc { get; init; }
}
