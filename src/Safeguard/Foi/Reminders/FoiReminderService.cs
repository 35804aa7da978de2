using Safeguard.Platform;

namespace Safeguard.Foi.Reminders;

/// <summary>
/// Queues the day's FOI reminders once the application has started and then every day at
/// <see cref="FoiSettings.ReminderHour"/> (server time), on the clock of <see cref="TimeProvider"/>. Running twice in a
/// day queues nothing twice: <see cref="FoiReminders"/> records each reminder with the e-mail. On several nodes, one
/// makes the run and the others, finding it under way (<see cref="ScheduledRunLock"/>), skip it with a line at
/// Information. Once the known bank holidays run out, a warning in the log every day says so until a newer feed is
/// imported; reminders of deadlines passed still go.
/// </summary>
internal sealed partial class FoiReminderService(
    IServiceScopeFactory scopes, FoiSettings settings, TimeProvider clock, IHostApplicationLifetime lifetime, ScheduledRunLock runLock, ILogger<FoiReminderService> logger)
    : BackgroundService
{
    /// <summary>The name of the run's lock, the same on every node.</summary>
    private const string RunName = "foi-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start before the server listens, and without Safeguard:PublicBaseUrl the e-mails link to where
        // it listens (PublicAddress): known once the application has started, not before.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A day whose database was briefly unreachable must not end the reminders for good.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailed(logger, failure.GetType().Name);
            }
            try
            {
                await Task.Delay(UntilNextRun(clock.GetLocalNow(), settings.ReminderHour), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Queues today's reminders, unless another node is doing so now; false when it was left to that node.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var ran = await runLock.TryRunAsync(RunName, async cancel =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var run = await scope.ServiceProvider.GetRequiredService<FoiReminders>().QueueAsync(today, cancel);
            LogQueued(logger, run.Queued);
            if (run.Warning is { } warning)
            {
                LogUncounted(logger, warning);
            }
        }, cancellationToken);
        if (!ran)
        {
            LogLeftToAnotherNode(logger);
        }
        return ran;
    }

    /// <summary>Waits until the application has started; false when it is stopping first.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var whenStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The time from <paramref name="now"/> to the next <paramref name="hour"/> o'clock, tomorrow's if it has passed.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now, int hour)
    {
        var next = new DateTimeOffset(now.Date.AddHours(hour), now.Offset);
        return (next > now ? next : next.AddDays(1)) - now;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FOI reminders: {Count} queued")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "FOI reminders: another node is queuing them now, so this one leaves them to it")]
    private static partial void LogLeftToAnotherNode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FOI reminders: {Warning}")]
    private static partial void LogUncounted(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "FOI reminders could not be queued this time: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
