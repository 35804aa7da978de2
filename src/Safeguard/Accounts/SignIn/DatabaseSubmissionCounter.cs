using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Data;
using Safeguard.Platform;

namespace Safeguard.Accounts.SignIn;

/// <summary>
/// The forms' submission counts in PostgreSQL (<c>accounts_submission_windows</c>), so that every node counts against
/// one limit: one row per key and window, incremented by an upsert that PostgreSQL serialises, the windows that have
/// ended removed now and then.
/// </summary>
internal sealed class DatabaseSubmissionCounter(IServiceScopeFactory scopes, TimeProvider clock) : SubmissionCounter
{
    /// <summary>How often this node removes ended windows.</summary>
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(1);

    private long nextSweepTicks;

    protected override async ValueTask<bool> CountAsync(string hashedKey, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var starts = new DateTime(now.Ticks - (now.Ticks % window.Ticks), DateTimeKind.Utc);
        var ends = starts + window;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        // Counted only while under the limit, so a flood of refused submissions does not grow the count; the row is
        // returned only when it was counted.
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO accounts_submission_windows AS w ("Key", "StartsAtUtc", "EndsAtUtc", "Count") VALUES ({hashedKey}, {starts}, {ends}, 1)
            ON CONFLICT ("Key", "StartsAtUtc") DO UPDATE SET "Count" = w."Count" + 1 WHERE w."Count" < {limit}
            RETURNING w."Count" AS "Value"
            """).ToListAsync(cancellationToken);
        var sweep = Interlocked.Read(ref nextSweepTicks);
        if (now.Ticks >= sweep && Interlocked.CompareExchange(ref nextSweepTicks, (now + Sweep).Ticks, sweep) == sweep)
        {
            await db.SubmissionWindows.Where(w => w.EndsAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        }
        return counted.Count == 1;
    }
}
