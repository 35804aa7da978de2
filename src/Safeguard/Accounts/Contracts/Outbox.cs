using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Data;
using Safeguard.Accounts.Mail;
using Safeguard.Platform;

namespace Safeguard.Accounts.Contracts;

/// <summary>
/// Queues e-mail in the database, in the caller's unit of work, so a message is sent if and only if what it
/// announces was saved. The accounts module's sender sends it.
/// </summary>
public sealed class Outbox
{
    private readonly AccountsDbContext db;
    private readonly TimeProvider clock;
    private readonly OutboxSignal signal;
    private readonly SafeguardDatabase database;
    private readonly IServiceProvider services;

    // Internal: the context and the signal are the module's own; AddAccounts builds the outbox for other modules.
    internal Outbox(AccountsDbContext db, TimeProvider clock, OutboxSignal signal, SafeguardDatabase database, IServiceProvider services)
    {
        this.db = db;
        this.clock = clock;
        this.signal = signal;
        this.database = database;
        this.services = services;
    }

    /// <summary>Adds a message; it is stored by the caller's <c>SaveChangesAsync</c>.</summary>
    public void Queue(string to, string subject, string body) => db.OutboxMessages.Add(Message(to, subject, body));

    /// <summary>
    /// Stores a message inside a transaction another module has open on the same database (its <c>DbContext</c>'s
    /// <c>Database.CurrentTransaction.GetDbTransaction()</c>), so the message and the change it announces are
    /// committed, or rolled back, together. Call <see cref="Wake"/> after the caller commits.
    /// </summary>
    public async Task QueueAsync(string to, string subject, string body, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection; it was committed or rolled back.", nameof(transaction));
        // A context of its own on the caller's connection: a pooled one must not be handed a borrowed connection. It
        // sees the application's services, where Identity reads its schema version (and so the model's shape).
        await using AccountsDbContext joined = database.Provider == DatabaseProvider.PostgreSql
            ? new PostgresAccountsDbContext(new DbContextOptionsBuilder<PostgresAccountsDbContext>().UseNpgsql(connection).UseApplicationServiceProvider(services).Options)
            : new SqliteAccountsDbContext(new DbContextOptionsBuilder<SqliteAccountsDbContext>().UseSqlite(connection).UseApplicationServiceProvider(services).Options);
        await joined.Database.UseTransactionAsync(transaction, cancellationToken);
        joined.OutboxMessages.Add(Message(to, subject, body));
        await joined.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives a message the outbox gave up on another round of attempts, starting now; false when no message by that id
    /// is given up on (none, sent, or put back already).
    /// </summary>
    public async Task<bool> SendAgainAsync(int id, CancellationToken cancellationToken)
    {
        var again = await db.OutboxMessages.Where(m => m.Id == id && m.GaveUpAt != null && m.SentAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.GaveUpAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, (DateTime?)null), cancellationToken) == 1;
        if (again)
        {
            Wake();
        }
        return again;
    }

    private OutboxMessage Message(string to, string subject, string body) =>
        new() { To = to, Subject = subject, Body = body, CreatedAt = clock.GetUtcNow() };

    /// <summary>Tells the sender to look now rather than at its next poll.</summary>
    public void Wake() => signal.Wake();
}
