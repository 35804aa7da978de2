using Safeguard.Platform;

namespace Safeguard.Parliament.Deadlines;

/// <summary>
/// Queues the day's reminders of the group's deadlines once the application has started and then once a day. On
/// several nodes one makes the run and the others, finding it under way (<see cref="ScheduledRunLock"/>), skip it;
/// were two to run all the same, <see cref="AppgReminders"/> still queues each reminder once.
/// </summary>
internal sealed partial class AppgReminderService(
    IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ScheduledRunLock runLock, ILogger<AppgReminderService> logger)
    : BackgroundService
{
    /// <summary>The name of the run's lock, the same on every node.</summary>
    private const string RunName = "appg-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The e-mails link to where the server listens when no public address is set: known once it has started.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
#pragma warning disable CA1031 // A day whose database was briefly unreachable must not end the reminders for good.
                catch (Exception failure) when (failure is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogFailed(logger, failure.GetType().Name);
                }
                await Task.Delay(TimeSpan.FromDays(1), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Queues today's reminders, unless another node is doing so now; false when it was left to that node.</summary>
    public Task<bool> RunAsync(CancellationToken cancellationToken) =>
        runLock.TryRunAsync(RunName, async cancel =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var queued = await scope.ServiceProvider.GetRequiredService<AppgReminders>().QueueAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), cancel);
            LogQueued(logger, queued);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "APPG deadline reminders: {Count} queued")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "APPG deadline reminders could not be queued this time: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
