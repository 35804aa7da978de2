using Microsoft.EntityFrameworkCore;

namespace Safeguard.Tests.Http;

/// <summary>
/// What another person or node does at a moment of the application's work that a test picks out, armed by the test:
/// it runs once, apart from the application's work (no request context flows into it), which waits for it and then
/// goes on. <see cref="Meanwhile"/> and <see cref="BeforeSaving"/> say which moments.
/// </summary>
public sealed class ArmedAct
{
    private Armed? armed;

    private bool happened;

    private sealed record Armed(Func<Task> Act, Func<DbContext, bool> When);

    /// <summary>Runs <paramref name="act"/> at the next moment whose context <paramref name="when"/> picks out.</summary>
    public void Arm(Func<Task> act, Func<DbContext, bool> when)
    {
        Volatile.Write(ref happened, false);
        Volatile.Write(ref armed, new Armed(act, when));
    }

    /// <summary>Whether the act last armed has run (false when none was).</summary>
    public bool Happened => Volatile.Read(ref happened);

    /// <summary>Runs the act, if one is armed for this context, and waits for it.</summary>
    public async Task RunIfArmedAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref armed) is { } next && context is not null && next.When(context)
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
    }
}
