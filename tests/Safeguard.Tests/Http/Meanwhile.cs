using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Tests.Http;

/// <summary>
/// Something another person does between a request's reading and its writing, armed by a test: it runs once, just
/// before the next casework or FOI transaction begins (a change and its audit entry are committed in one), so it is
/// committed after the request read or checked what it changes and before the request writes. It runs apart from the
/// request (no request context flows into it), as another person's request, or the same form sent twice, would.
/// </summary>
/// <remarks>
/// It is armed for the test that arms it alone: the test's own requests reach the application in its execution context
/// (the test server preserves it, <see cref="OwnPortalFactory"/>), so in an application that test classes share, a
/// change made by another class at the same moment neither sets it off nor disarms it.
/// </remarks>
public sealed class Meanwhile : DbTransactionInterceptor
{
    private readonly ArmedAct next = new(inArmingFlowOnly: true);

    /// <summary>
    /// Runs <paramref name="act"/> before the next change is committed; with <paramref name="when"/>, before the next
    /// change whose context it picks out (for example by what the context is about to save).
    /// </summary>
    public void BeforeNextChange(Func<Task> act, Func<DbContext, bool>? when = null) => next.Arm(act, when ?? (_ => true));

    /// <summary>Whether the act last armed has run (false when none was).</summary>
    public bool Happened => next.Happened;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await next.RunIfArmedAsync(eventData.Context, cancellationToken);
        return result;
    }
}
