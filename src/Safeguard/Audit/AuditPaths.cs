using Safeguard.Platform.Web;

namespace Safeguard.Audit;

/// <summary>The addresses of the audit module's pages, for links from other modules.</summary>
internal static class AuditPaths
{
    /// <summary>The administrators' page: search the trail and check its chain.</summary>
    public const string Trail = StaffAddresses.AuditTrail;
}
