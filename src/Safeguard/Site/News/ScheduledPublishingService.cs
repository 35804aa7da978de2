using Safeguard.Platform;

namespace Safeguard.Site.News;

/// <summary>
/// Looks every minute for posts whose scheduled time has come and publishes them (<see cref="ScheduledPublishing"/>),
/// so a post goes out at its time with no one signed in. On several nodes one makes each run and the others, finding
/// it under way (<see cref="ScheduledRunLock"/>), skip it.
/// </summary>
internal sealed partial class ScheduledPublishingService(
    IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ScheduledRunLock runLock, ILogger<ScheduledPublishingService> logger)
    : BackgroundService
{
    /// <summary>How long a scheduled post may wait after its time: the editors' form schedules to the minute.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private const string RunName = "news-scheduled-publishing";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The database is migrated before the application starts serving; its tables may not be there before.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A minute whose database was briefly unreachable must not end scheduled publishing for good.
                catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogFailed(logger, failure.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Publishes the posts now due, unless another node is doing so; false when it was left to that node.</summary>
    public Task<bool> RunAsync(CancellationToken cancellationToken) =>
        runLock.TryRunAsync(RunName, async cancel =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var published = await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().PublishDueAsync(clock.GetUtcNow().UtcDateTime, cancel);
            if (published > 0)
            {
                LogPublished(logger, published);
            }
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled publishing: {Count} news posts published")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled news posts could not be published this time: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
