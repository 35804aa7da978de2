using System.Globalization;

namespace Safeguard.Parliament.Staff;

/// <summary>The addresses of the APPG secretariat's staff pages (policy <c>parliament</c>).</summary>
internal static class ParliamentStaffPaths
{
    public const string Home = "/staff/parliament";
    public const string Register = "/staff/parliament/register";

    public static string Member(int id) => string.Create(CultureInfo.InvariantCulture, $"{Register}/{id}");
}
