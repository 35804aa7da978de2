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

    /// <summary>The record type of an e-mail in the outbox, sent again by an administrator.</summary>
    public const string OutboxRecordType = "outbox-message";

    public static Task RecordAsync(IServiceProvider services, string actor, AuditAction action, string? accountId, string source, string? detail, CancellationToken cancellationToken) =>
        RecordAsync(services, new AuditEvent(actor, action, RecordType, accountId, source, detail), cancellationToken);

    public static Task RecordAsync(HttpContext context, AuditAction action, string? accountId, string? detail = null) =>
        RecordAsync(context, action, RecordType, accountId, detail);

    /// <summary>Records what someone did, in a request, to a record of the module of the given type.</summary>
    public static Task RecordAsync(HttpContext context, AuditAction action, string recordType, string? recordId, string? detail)
    {
        var actor = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous";
        return RecordAsync(context.RequestServices, new AuditEvent(actor, action, recordType, recordId, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", detail), context.RequestAborted);
    }

    private static async Task RecordAsync(IServiceProvider services, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        foreach (var trail in services.GetServices<IAuditTrail>())
        {
            await trail.RecordAsync(auditEvent, cancellationToken);
        }
    }
}
