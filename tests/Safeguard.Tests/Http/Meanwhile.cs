using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Tests.Http;

/// <summary>
/// Something another person does between a request's reading and its writing, armed by a test: it runs once, just
/// before the next casework transaction begins (a change and its audit entry are committed in one), so it is committed
/// after the request read what it changes and before the request writes. It runs apart from the request (no request
/// context flows into it), as another person's request would.
/// </summary>
public sealed class Meanwhile : DbTransactionInterceptor
{
    private Func<Task>? armed;

    /// <summary>Runs <paramref name="act"/> before the next casework change is committed.</summary>
    public void BeforeNextChange(Func<Task> act) => armed = act;

    /// <summary>Whether the act armed has run.</summary>
    public bool Happened => Volatile.Read(ref armed) is null;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref armed, null) is { } act)
        {
            Task elsewhere;
            using (ExecutionContext.SuppressFlow())
            {
                elsewhere = Task.Run(act, cancellationToken);
            }
            await elsewhere;
        }
        return result;
    }
}
