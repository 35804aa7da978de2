using System.Security.Claims;
using Safeguard.Audit.Contracts;

namespace Safeguard.Audit;

/// <summary>
/// In a request: the signed-in account's id (or "anonymous") and the client's address. Outside one (the command
/// line, start-up): "system" at the "command line".
/// </summary>
internal sealed class AuditOrigin(IHttpContextAccessor http) : IAuditOrigin
{
    public string Actor => http.HttpContext is { } context
        ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous"
        : "system";

    public string Source => http.HttpContext is { } context
        ? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"
        : "command line";
}
