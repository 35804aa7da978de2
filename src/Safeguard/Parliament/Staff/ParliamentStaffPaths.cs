using System.Globalization;

namespace Safeguard.Parliament.Staff;

/// <summary>The addresses of the APPG secretariat's staff pages (policy <c>parliament</c>).</summary>
internal static class ParliamentStaffPaths
{
    public const string Home = "/staff/parliament";
    public const string Register = "/staff/parliament/register";

    public const string Meetings = "/staff/parliament/meetings";
    public const string NewMeeting = "/staff/parliament/meetings/new";

    public const string Bills = "/staff/parliament/bills";
    public const string NewBill = "/staff/parliament/bills/new";

    public static string Bill(string slug) => $"{Bills}/{slug}";

    public static string EditBill(string slug) => $"{Bills}/{slug}/edit";

    public static string NewStage(string slug) => $"{Bills}/{slug}/stages/new";

    public static string NewAmendment(string slug) => $"{Bills}/{slug}/amendments/new";

    public static string EditAmendment(string slug, int id) => string.Create(CultureInfo.InvariantCulture, $"{Bills}/{slug}/amendments/{id}/edit");

    public static string Member(int id) => string.Create(CultureInfo.InvariantCulture, $"{Register}/{id}");

    public static string Meeting(int id) => string.Create(CultureInfo.InvariantCulture, $"{Meetings}/{id}");

    /// <summary>The form attaching a document to a meeting, as its route reads (for the upload's size limit).</summary>
    public const string MeetingDocumentsRoute = "/staff/parliament/meetings/{meeting:int}/documents";

    public static string MeetingDocuments(int id) => string.Create(CultureInfo.InvariantCulture, $"{Meetings}/{id}/documents");

    public static string MeetingDocument(int meeting, int document) => string.Create(CultureInfo.InvariantCulture, $"{Meetings}/{meeting}/documents/{document}");

    public static string EditMeeting(int id) => string.Create(CultureInfo.InvariantCulture, $"{Meetings}/{id}/edit");
}
