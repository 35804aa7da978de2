using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Safeguard.Audit.Contracts;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;

namespace Safeguard.Statistics.Staff;

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

/// <summary>What the progress page shows of a job at one moment.</summary>
internal sealed record ImportJobSnapshot(
    ImportJobState State, ImportStage? Stage, int Count, string Release, int FiguresImported, IReadOnlyList<ImportIssue> Issues, int ErrorCount)
{
    public bool Finished => State is not (ImportJobState.Queued or ImportJobState.Running);

    /// <summary>"Reading: 50,000 rows", as the command line prints it.</summary>
    public string Progress => State == ImportJobState.Queued
        ? "Waiting for the import before it to finish"
        : Stage switch
        {
            ImportStage.Reading => string.Create(CultureInfo.InvariantCulture, $"Reading: {Count:#,0} rows"),
            ImportStage.Comparing => string.Create(CultureInfo.InvariantCulture, $"Comparing {Count:#,0} figures with the published release"),
            ImportStage.Writing => string.Create(CultureInfo.InvariantCulture, $"Writing: {Count:#,0} figures"),
            _ => "Starting",
        };
}

/// <summary>
/// One commit of an upload into a draft release, run in the background so that a long import can show its
/// progress. Its id is the upload's; its owner is the account that asked for it, and only they can see or cancel it.
/// </summary>
internal sealed class ImportJob(string uploadId, string ownerId, string ownerAddress, string template, string release) : IProgress<ImportProgress>
{
    private readonly Lock gate = new();
    private ImportJobSnapshot snapshot = new(ImportJobState.Queued, null, 0, release, 0, [], 0);

    public string UploadId { get; } = uploadId;

    public string OwnerId { get; } = ownerId;

    /// <summary>The owner's address when they asked, for the audit trail (the job runs outside their request).</summary>
    public string OwnerAddress { get; } = ownerAddress;

    public string Template { get; } = template;

    public string Release { get; } = release;

    public CancellationTokenSource Cancellation { get; } = new();

    public DateTime FinishedAtUtc { get; private set; } = DateTime.MaxValue;

    public ImportJobSnapshot Snapshot
    {
        get
        {
            lock (gate)
            {
                return snapshot;
            }
        }
    }

    public void Report(ImportProgress value)
    {
        lock (gate)
        {
            snapshot = snapshot with { State = ImportJobState.Running, Stage = value.Stage, Count = value.Count };
        }
    }

    public void Start() => Update(s => s with { State = ImportJobState.Running });

    public void Finish(ImportJobState state, int figures = 0, IReadOnlyList<ImportIssue>? issues = null, int errors = 0)
    {
        Update(s => s with { State = state, FiguresImported = figures, Issues = issues ?? [], ErrorCount = errors });
        FinishedAtUtc = DateTime.UtcNow;
    }

    private void Update(Func<ImportJobSnapshot, ImportJobSnapshot> change)
    {
        lock (gate)
        {
            snapshot = change(snapshot);
        }
    }
}

/// <summary>
/// The queue of import commits: one worker takes them in turn (imports write a lot, and one at a time keeps a
/// draft's figures from being written by two imports at once). Jobs are kept in memory for a few hours after they
/// finish so their page can show the result; a restart forgets them, and the upload can then be imported again.
/// </summary>
internal sealed class ImportJobs
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromHours(6);
    private readonly ConcurrentDictionary<string, ImportJob> jobs = new();
    private readonly Channel<ImportJob> queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<ImportJob> Reader => queue.Reader;

    /// <summary>Queues a commit, or returns the job already queued or running for this upload.</summary>
    public ImportJob Enqueue(ImportJob job)
    {
        foreach (var old in jobs.Values.Where(j => DateTime.UtcNow - j.FinishedAtUtc > KeepFinished))
        {
            jobs.TryRemove(old.UploadId, out _);
        }
        if (jobs.TryGetValue(job.UploadId, out var existing) && !existing.Snapshot.Finished)
        {
            return existing;
        }
        jobs[job.UploadId] = job;
        queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>The owner's job for an upload, or null.</summary>
    public ImportJob? Find(string uploadId, string ownerId) =>
        jobs.TryGetValue(uploadId, out var job) && job.OwnerId == ownerId ? job : null;
}

/// <summary>Runs queued imports one at a time, each in the importer's own transaction.</summary>
internal sealed partial class ImportJobWorker(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportJobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.Cancellation.Token);
            await RunAsync(job, linked.Token);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            job.Finish(ImportJobState.Cancelled);
            return;
        }
        job.Start();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var uploads = services.GetRequiredService<ImportUploads>();
            if (await uploads.FindAsync(job.UploadId, job.OwnerId, cancellationToken) is not { } upload)
            {
                job.Finish(ImportJobState.Refused, issues: [ImportIssue.Error("upload", "The uploaded file has expired or was already imported; upload it again.")], errors: 1);
                return;
            }
            // The job runs outside the request, so the audit trail is told who asked, from where.
            var importer = new StatisticsImporter(services.GetRequiredService<StatisticsDbContext>(), services.GetRequiredService<TemplateStore>(),
                services.GetRequiredService<ImportLimits>(), services.GetRequiredService<IAuditTrail>(), new JobOrigin(job.OwnerId, job.OwnerAddress));
            var request = new ImportRequest(upload.FileName, upload.Content, job.Template, job.Release,
                new SourceDetails(upload.Title, upload.Authority, upload.Reference, upload.DateReceived));
            var (preview, _) = await importer.CommitAsync(request, job, cancellationToken);
            await uploads.RemoveAsync(job.UploadId, CancellationToken.None);
            job.Finish(ImportJobState.Succeeded, preview.Sheet.Figures.Count, [.. preview.Warnings]);
        }
        catch (ImportRejectedException rejected)
        {
            job.Finish(ImportJobState.Refused, issues: rejected.Issues, errors: rejected.ErrorCount);
        }
        catch (OperationCanceledException)
        {
            job.Finish(ImportJobState.Cancelled);
        }
        catch (Exception failure)
        {
            // Nothing was written (the importer's transaction rolled back); the person is told, the log has the cause.
            LogFailed(logger, failure);
            job.Finish(ImportJobState.Failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An import job failed; nothing was written.")]
    private static partial void LogFailed(ILogger logger, Exception failure);

    private sealed class JobOrigin(string actor, string source) : IAuditOrigin
    {
        public string Actor => actor;

        public string Source => source;
    }
}
