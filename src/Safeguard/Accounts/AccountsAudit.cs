using Safeguard.Audit.Contracts;

namespace Safeguard.Accounts;

/// <summary>
/// Records the module's events (sign-ins, failures, sign-outs, role changes) in the audit trail. The trail is
/// resolved optionally: until the audit module registers its <see cref="IAuditTrail"/>, nothing is recorded. The
/// composition root wires it; this module registers no implementation of its own.
/// </summary>
internal static class AccountsAudit
{
    public const string RecordType = "account";

    public static async Task RecordAsync(IServiceProvider services, string actor, AuditAction action, string? accountId, string source, string? detail, CancellationToken cancellationToken)
    {
        foreach (var trail in services.GetServices<IAuditTrail>())
        {
            await trail.RecordAsync(new AuditEvent(actor, action, RecordType, accountId, source, detail), cancellationToken);
        }
    }

    public static Task RecordAsync(HttpContext context, AuditAction action, string? accountId, string? detail = null)
    {
        var actor = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous";
        return RecordAsync(context.RequestServices, actor, action, accountId, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", detail, context.RequestAborted);
    }
}
