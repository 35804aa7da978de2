using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Safeguard.Accounts.Data;

namespace Safeguard.Accounts.Mail;

/// <summary>
/// Sends queued e-mail: through SMTP (MailKit), or into the pickup folder as .eml files. Polls every few seconds and
/// whenever a message is queued. Several nodes may run a sender on one database: each claims a message (a conditional
/// update that one node alone can win) before sending it, so each message goes once. A failed message is tried again
/// after a wait that doubles each time (<see cref="RetryAfter"/>), and after <see cref="MaxAttempts"/> attempts it is
/// given up on and shown to administrators (<c>/admin/mail</c>), who may send it again. Logs never name the recipient
/// or hold the content.
/// </summary>
internal sealed partial class OutboxSender(IServiceScopeFactory scopes, MailSettings settings, OutboxSignal signal, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    /// <summary>Attempts before a message is given up on.</summary>
    public const int MaxAttempts = 10;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failure; each later one doubles it, up to <see cref="LongestWait"/>.</summary>
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);

    /// <summary>So that the ten attempts span about four and a half hours: an outage of the mail server is outlived.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claim keeps other nodes off a message: longer than a delivery can take (MailKit gives up on an SMTP
    /// command after 2 minutes), and short enough that a message whose node died while sending it is soon taken up.
    /// </summary>
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CanSend)
        {
            LogNoTransport(logger);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (settings.CanSend)
                {
                    await SendDueAsync(stoppingToken);
                }
                await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sender must outlive a database that is briefly unreachable.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, failure.GetType().Name);
                await Task.Delay(Poll, clock, stoppingToken);
            }
        }
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 30 s, 1 min, 2 min, ... up to an hour.</summary>
    public static TimeSpan RetryAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << Math.Clamp(attempts - 1, 0, 8), LongestWait.Ticks));

    /// <summary>Sends every message that is due and that no other sender has claimed; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var due = await Due(db.OutboxMessages, clock.GetUtcNow().UtcDateTime)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            // Another node may have read the same message: whichever updates it first has it, and the other finds it
            // no longer due (PostgreSQL re-reads the row once the first update commits; SQLite has one writer at a time).
            var now = clock.GetUtcNow().UtcDateTime;
            var claimedUntil = now + Claim;
            if (await Due(db.OutboxMessages.Where(m => m.Id == id), now).ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedUntilUtc, claimedUntil), cancellationToken) == 0)
            {
                continue;
            }
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
            message.Attempts++;
            message.ClaimedUntilUtc = null;
            try
            {
                await DeliverAsync(Compose(message), cancellationToken);
                message.SentAt = clock.GetUtcNow();
                message.Body = null;
                message.LastError = null;
                sent++;
            }
            catch (Exception failure) when (failure is IOException or SmtpCommandException or SmtpProtocolException or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
            {
                var error = $"{failure.GetType().Name}: {failure.Message}";
                message.LastError = error.Length > 1000 ? error[..1000] : error;
                if (message.Attempts >= MaxAttempts)
                {
                    message.GaveUpAt = clock.GetUtcNow();
                    LogGaveUp(logger, message.Id, message.Attempts, failure.GetType().Name);
                }
                else
                {
                    message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + RetryAfter(message.Attempts);
                    LogSendFailed(logger, message.Id, message.Attempts, failure.GetType().Name);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>The messages not sent, not given up on, whose wait is over and which no sender holds a claim on.</summary>
    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.SentAt == null && m.GaveUpAt == null
            && (m.NextAttemptAtUtc == null || m.NextAttemptAtUtc <= now)
            && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc <= now));

    private MimeMessage Compose(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = message.CreatedAt;
        mime.Body = new TextPart("plain") { Text = message.Body ?? "" };
        return mime;
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (settings.PickupFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            // Written under a temporary name and then renamed, so a reader of the folder never sees half a message.
            var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}";
            var partial = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(folder, name + ".eml"));
            return;
        }
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.Security, cancellationToken);
        if (settings.Username is not null)
        {
            await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail transport is configured (Safeguard:Mail:SmtpHost or Safeguard:Mail:PickupFolder): e-mails wait in the outbox")]
    private static partial void LogNoTransport(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} could not be sent (attempt {Attempt}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, int id, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} could not be sent after {Attempts} attempts and is given up on ({Error}): administrators can send it again at /admin/mail")]
    private static partial void LogGaveUp(ILogger logger, int id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender's round failed: {Error}")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
