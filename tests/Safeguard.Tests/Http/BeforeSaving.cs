using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Tests.Http;

/// <summary>
/// Something another node does just before the application saves a change a test picks out (for example, the outbox
/// recording a message as sent), armed by the test: it runs once, and the save goes on after it.
/// </summary>
public sealed class BeforeSaving : SaveChangesInterceptor
{
    private readonly ArmedAct next = new(inArmingFlowOnly: false);

    /// <summary>Runs <paramref name="act"/> before the next save whose context <paramref name="when"/> picks out.</summary>
    public void Arm(Func<DbContext, bool> when, Func<Task> act) => next.Arm(act, when);

    /// <summary>Whether the act last armed has run.</summary>
    public bool Happened => next.Happened;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await next.RunIfArmedAsync(eventData.Context, cancellationToken);
        return result;
    }
}
