using Safeguard.Platform.Web;

namespace Safeguard.Site.Staff;

/// <summary>The addresses of the editors' pages (policy <c>site</c>).</summary>
internal static class SiteStaffPaths
{
    public const string Home = StaffAddresses.Site;
}
