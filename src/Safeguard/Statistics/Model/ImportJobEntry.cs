using Safeguard.Statistics.Importing;

namespace Safeguard.Statistics.Model;

/// <summary>Where an import job is.</summary>
internal enum ImportJobState
{
    Queued,
    Running,
    Succeeded,
    Refused,
    Cancelled,
    Failed,
}

/// <summary>
/// An import job as every node sees it, where several nodes share a PostgreSQL database: its owner, its state and
/// progress as the node running it last wrote them, a cancel asked for on another node, and when that node last said
/// it was alive (a job whose node falls silent is marked failed). The node that queued a job runs it.
/// </summary>
internal sealed class ImportJobEntry
{
    /// <summary>The upload being imported; one job at a time per upload.</summary>
    public required string UploadId { get; init; }

    /// <summary>The account that asked for the import; only they can see or cancel it.</summary>
    public required string OwnerId { get; set; }

    /// <summary>The draft release's slug.</summary>
    public required string Release { get; set; }

    public ImportJobState State { get; set; }

    public ImportStage? Stage { get; set; }

    /// <summary>Rows read or figures compared or written, by <see cref="Stage"/>.</summary>
    public int Count { get; set; }

    public int FiguresImported { get; set; }

    public int ErrorCount { get; set; }

    /// <summary>The errors or warnings shown with the result, as JSON.</summary>
    public string? Issues { get; set; }

    /// <summary>Set by a node other than the one running the job; that node cancels it at its next heartbeat.</summary>
    public bool CancelRequested { get; set; }

    public DateTime HeartbeatAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}
