using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Tests.Http;

/// <summary>
/// Something another node does just before the application saves a change a test picks out (for example, the outbox
/// recording a message as sent), armed by the test: it runs once, apart from the application's own work, and the save
/// goes on after it.
/// </summary>
public sealed class BeforeSaving : SaveChangesInterceptor
{
    private Armed? armed;

    private bool happened;

    private sealed record Armed(Func<Task> Act, Func<DbContext, bool> When);

    /// <summary>Runs <paramref name="act"/> before the next save whose context <paramref name="when"/> picks out.</summary>
    public void Arm(Func<DbContext, bool> when, Func<Task> act)
    {
        Volatile.Write(ref happened, false);
        Volatile.Write(ref armed, new Armed(act, when));
    }

    /// <summary>Whether the act last armed has run.</summary>
    public bool Happened => Volatile.Read(ref happened);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref armed) is { } next && eventData.Context is { } context && next.When(context)
            && Interlocked.CompareExchange(ref armed, null, next) == next)
        {
            Task elsewhere;
            using (ExecutionContext.SuppressFlow())
            {
                elsewhere = Task.Run(next.Act, cancellationToken);
            }
            await elsewhere;
            Volatile.Write(ref happened, true);
        }
        return result;
    }
}
