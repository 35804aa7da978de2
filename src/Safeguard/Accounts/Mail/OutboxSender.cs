using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Safeguard.Accounts.Data;

namespace Safeguard.Accounts.Mail;

/// <summary>
/// Sends queued e-mail: through SMTP (MailKit), or into the pickup folder as .eml files. Polls every few seconds and
/// whenever a message is queued; a failed message is retried on later rounds, at most ten times. Logs never name
/// the recipient or hold the content.
/// </summary>
internal sealed partial class OutboxSender(IServiceScopeFactory scopes, MailSettings settings, OutboxSignal signal, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

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
                    await SendPendingAsync(stoppingToken);
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

    /// <summary>Sends every message waiting; returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var pending = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .OrderBy(m => m.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var message in pending)
        {
            message.Attempts++;
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
                LogSendFailed(logger, message.Id, message.Attempts, failure.GetType().Name);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender's round failed: {Error}")]
    private static partial void LogRoundFailed(ILogger logger, string error);
}
