using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Platform;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Importing.Files;
using Safeguard.Statistics.Importing.Templates;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Staff;

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
/// The queue of import commits: one worker on each node takes the jobs queued there in turn (imports write a lot, and
/// one at a time keeps a node from crowding the database; the release writers' lock keeps two imports from writing one
/// draft at once). Jobs are kept for a few hours after they finish so their page can show the result.
/// </summary>
/// <remarks>
/// On PostgreSQL, where several nodes may share the database, every job is also kept in the database
/// (<see cref="ImportJobEntry"/>): any node shows its progress, a cancel on any node reaches the node running it within
/// a heartbeat, and a job whose node falls silent for <see cref="NodeSilence"/> is marked failed. On the embedded
/// SQLite database (one node) jobs live in memory only, as there they must: a running import's commit holds SQLite's
/// only write lock, behind which every progress and cancel write would wait. A restart forgets them there, and the
/// upload can then be imported again.
/// </remarks>
internal sealed class ImportJobs(SafeguardDatabase database, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long a job's node may go without a heartbeat before its unfinished job is marked failed.</summary>
    public static readonly TimeSpan NodeSilence = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan KeepFinished = TimeSpan.FromHours(6);
    private readonly ConcurrentDictionary<string, ImportJob> jobs = new();
    private readonly Channel<ImportJob> queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<ImportJob> Reader => queue.Reader;

    /// <summary>Whether jobs are kept in the database for every node (PostgreSQL), not only in this node's memory.</summary>
    internal bool Shared => database.Provider == DatabaseProvider.PostgreSql;

    /// <summary>Queues a commit, unless a job for this upload is already queued or running (on any node).</summary>
    public async Task EnqueueAsync(ImportJob job, CancellationToken cancellationToken)
    {
        foreach (var old in jobs.Values.Where(j => DateTime.UtcNow - j.FinishedAtUtc > KeepFinished))
        {
            jobs.TryRemove(old.UploadId, out _);
        }
        if (jobs.TryGetValue(job.UploadId, out var existing) && !existing.Snapshot.Finished)
        {
            return;
        }
        if (Shared && !await AddEntryAsync(job, cancellationToken))
        {
            return;
        }
        jobs[job.UploadId] = job;
        queue.Writer.TryWrite(job);
    }

    /// <summary>The owner's job for an upload as it stands, or null.</summary>
    public async Task<ImportJobSnapshot?> FindAsync(string uploadId, string ownerId, CancellationToken cancellationToken)
    {
        if (Local(uploadId, ownerId) is { } job)
        {
            return job.Snapshot;
        }
        if (!Shared)
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var entry = await Entries(scope).AsNoTracking().FirstOrDefaultAsync(j => j.UploadId == uploadId && j.OwnerId == ownerId, cancellationToken);
        return entry is null ? null : new ImportJobSnapshot(entry.State, entry.Stage, entry.Count, entry.Release, entry.FiguresImported,
            JsonSerializer.Deserialize<List<ImportIssue>>(entry.Issues ?? "[]") ?? [], entry.ErrorCount);
    }

    /// <summary>Asks for the owner's job to stop (nothing is written); false when there is no such job.</summary>
    public async Task<bool> CancelAsync(string uploadId, string ownerId, CancellationToken cancellationToken)
    {
        if (Local(uploadId, ownerId) is { } job)
        {
            await job.Cancellation.CancelAsync();
            return true;
        }
        if (!Shared)
        {
            return false;
        }
        // Another node runs it: it reads the request at its next heartbeat.
        await using var scope = scopes.CreateAsyncScope();
        return await Entries(scope).Where(j => j.UploadId == uploadId && j.OwnerId == ownerId)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.CancelRequested, j => j.FinishedAtUtc == null), cancellationToken) > 0;
    }

    /// <summary>
    /// This node's heartbeat: writes the progress of its unfinished jobs, cancels those another node asked to cancel,
    /// marks failed the unfinished jobs of nodes silent for <see cref="NodeSilence"/>, and forgets old finished jobs.
    /// </summary>
    internal async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var entries = Entries(scope);
        var unfinished = jobs.Values.Where(j => !j.Snapshot.Finished).ToList();
        foreach (var job in unfinished)
        {
            var snapshot = job.Snapshot;
            await entries.Where(j => j.UploadId == job.UploadId && j.FinishedAtUtc == null).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, snapshot.State).SetProperty(j => j.Stage, snapshot.Stage).SetProperty(j => j.Count, snapshot.Count)
                .SetProperty(j => j.HeartbeatAtUtc, now), cancellationToken);
        }
        var ids = unfinished.Select(j => j.UploadId).ToList();
        foreach (var id in await entries.Where(j => ids.Contains(j.UploadId) && j.CancelRequested).Select(j => j.UploadId).ToListAsync(cancellationToken))
        {
            if (jobs.TryGetValue(id, out var job))
            {
                await job.Cancellation.CancelAsync();
            }
        }
        var silentSince = now - NodeSilence;
        await entries.Where(j => j.FinishedAtUtc == null && j.HeartbeatAtUtc < silentSince).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.FinishedAtUtc, now), cancellationToken);
        var forgottenBefore = now - KeepFinished;
        await entries.Where(j => j.FinishedAtUtc < forgottenBefore).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Writes a finished job's result for every node.</summary>
    internal async Task RecordResultAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var snapshot = job.Snapshot;
        var now = clock.GetUtcNow().UtcDateTime;
        var issues = JsonSerializer.Serialize(snapshot.Issues);
        await using var scope = scopes.CreateAsyncScope();
        await Entries(scope).Where(j => j.UploadId == job.UploadId).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, snapshot.State).SetProperty(j => j.Stage, snapshot.Stage).SetProperty(j => j.Count, snapshot.Count)
            .SetProperty(j => j.FiguresImported, snapshot.FiguresImported).SetProperty(j => j.ErrorCount, snapshot.ErrorCount)
            .SetProperty(j => j.Issues, issues).SetProperty(j => j.HeartbeatAtUtc, now).SetProperty(j => j.FinishedAtUtc, now), cancellationToken);
    }

    /// <summary>
    /// Records a new job for every node; false when one for the upload is queued or running already. A finished job
    /// of the same upload (cancelled, refused, failed) gives way to the new one.
    /// </summary>
    private async Task<bool> AddEntryAsync(ImportJob job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StatisticsDbContext>();
        await db.ImportJobs.Where(j => j.UploadId == job.UploadId && j.FinishedAtUtc != null).ExecuteDeleteAsync(cancellationToken);
        db.ImportJobs.Add(new ImportJobEntry { UploadId = job.UploadId, OwnerId = job.OwnerId, Release = job.Release, State = ImportJobState.Queued, HeartbeatAtUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node queued it in between: its key is taken. Anything else is no reason to say so.
            if (await db.ImportJobs.AsNoTracking().AnyAsync(j => j.UploadId == job.UploadId, CancellationToken.None))
            {
                return false;
            }
            throw;
        }
    }

    /// <summary>
    /// This node's job for the upload, if it is the owner's: any on SQLite; on PostgreSQL only an unfinished one, as a
    /// finished job may have been queued again on another node since, and the database has every result.
    /// </summary>
    private ImportJob? Local(string uploadId, string ownerId) =>
        jobs.TryGetValue(uploadId, out var job) && job.OwnerId == ownerId && !(Shared && job.Snapshot.Finished) ? job : null;

    private static DbSet<ImportJobEntry> Entries(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<StatisticsDbContext>().ImportJobs;
}

/// <summary>Runs queued imports one at a time, each in the importer's own transaction.</summary>
internal sealed partial class ImportJobWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobWorker> logger) : BackgroundService
{
    /// <summary>How often this node writes its jobs' progress and reads cancels asked for on other nodes (PostgreSQL).</summary>
    internal static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        jobs.Shared ? Task.WhenAll(RunQueuedAsync(stoppingToken), BeatAsync(stoppingToken)) : RunQueuedAsync(stoppingToken);

    private async Task RunQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.Cancellation.Token))
            {
                await RunAsync(job, linked.Token);
            }
            if (jobs.Shared)
            {
                await RecordResultAsync(job);
            }
        }
    }

    private async Task RecordResultAsync(ImportJob job)
    {
        try
        {
            // Written even as the node stops: the import has ended either way.
            await jobs.RecordResultAsync(job, CancellationToken.None);
        }
#pragma warning disable CA1031 // One result that could not be written must not stop the queue; other nodes then see the job fail.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogResultNotRecorded(logger, failure.GetType().Name);
        }
    }

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await jobs.BeatAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The heartbeat must outlive a database that is briefly unreachable.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogHeartbeatFailed(logger, failure.GetType().Name);
            }
            try
            {
                await Task.Delay(Heartbeat, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write an import job's result for the other nodes ({Failure}).")]
    private static partial void LogResultNotRecorded(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the import jobs' heartbeat ({Failure}); trying again.")]
    private static partial void LogHeartbeatFailed(ILogger logger, string failure);

    private sealed class JobOrigin(string actor, string source) : IAuditOrigin
    {
        public string Actor => actor;

        public string Source => source;
    }
}
