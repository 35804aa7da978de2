using System.Globalization;

namespace Safeguard.Parliament.Staff;

/// <summary>The addresses of the APPG secretariat's staff pages (policy <c>parliament</c>).</summary>
internal static class ParliamentStaffPaths
{
    public const string Home = "/staff/parliament";
    public const string Register = "/staff/parliament/register";

    public const string Meetings = "/staff/parliament/meetings";
    public const string NewMeeting = "/staff/parliament/meetings/new";

    public static string Member(int id) => string.Create(CultureInfo.InvariantCulture, $"{Register}/{id}");

    public static string Meeting(int id) => string.Create(CultureInfo.InvariantCulture, $"{Meetings}/{id}");

    public static string EditMeeting(int id) => string.Create(CultureInfo.InvariantCulture, $"{Meetings}/{id}/edit");
}
