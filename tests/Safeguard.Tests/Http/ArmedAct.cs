using Microsoft.EntityFrameworkCore;

namespace Safeguard.Tests.Http;

/// <summary>
/// What another person or node does at a moment of the application's work that a test picks out, armed by the test:
/// it runs once, apart from the application's work (no request context flows into it), which waits for it and then
/// goes on. <see cref="Meanwhile"/> and <see cref="BeforeSaving"/> say which moments.
/// </summary>
/// <param name="inArmingFlowOnly">
/// True: only the work that the arming test's own requests start sets it off (they reach the application in the test's
/// execution context), so in an application that test classes share another class's work neither sets it off nor
/// disarms it. False: any work of the application does, its background work included, where no test's context flows.
/// </param>
public sealed class ArmedAct(bool inArmingFlowOnly)
{
    private readonly AsyncLocal<Armed?>? local = inArmingFlowOnly ? new() : null;

    private Armed? shared;

    private sealed class Armed(Func<Task> act, Func<DbContext, bool> when)
    {
        private int taken;

        private bool happened;

        public Func<Task> Act => act;

        public Func<DbContext, bool> When => when;

        public bool Happened
        {
            get => Volatile.Read(ref happened);
            set => Volatile.Write(ref happened, value);
        }

        /// <summary>True the first time only: the act runs once.</summary>
        public bool Take() => Interlocked.Exchange(ref taken, 1) == 0;
    }

    private Armed? Current
    {
        get => local is null ? Volatile.Read(ref shared) : local.Value;
        set
        {
            if (local is null)
            {
                Volatile.Write(ref shared, value);
            }
            else
            {
                local.Value = value;
            }
        }
    }

    /// <summary>Runs <paramref name="act"/> at the next moment whose context <paramref name="when"/> picks out.</summary>
    public void Arm(Func<Task> act, Func<DbContext, bool> when) => Current = new Armed(act, when);

    /// <summary>Whether the act last armed has run (false when none was).</summary>
    public bool Happened => Current?.Happened ?? false;

    /// <summary>Runs the act, if one is armed for this context, and waits for it.</summary>
    public async Task RunIfArmedAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (Current is { } next && context is not null && next.When(context) && next.Take())
        {
            Task elsewhere;
            using (ExecutionContext.SuppressFlow())
            {
                elsewhere = Task.Run(next.Act, cancellationToken);
            }
            await elsewhere;
            next.Happened = true;
        }
    }
}
