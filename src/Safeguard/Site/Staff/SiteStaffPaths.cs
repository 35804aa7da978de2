using System.Globalization;
using Safeguard.Platform.Web;

namespace Safeguard.Site.Staff;

/// <summary>The addresses of the editors' pages (policy <c>site</c>).</summary>
internal static class SiteStaffPaths
{
    public const string Home = StaffAddresses.Site;

    public const string NewPost = "/staff/site/posts/new";

    public static string Post(int id) => string.Create(CultureInfo.InvariantCulture, $"/staff/site/posts/{id}");

    public static string EditPost(int id) => string.Create(CultureInfo.InvariantCulture, $"/staff/site/posts/{id}/edit");
}
