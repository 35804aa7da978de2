using System.Globalization;

namespace Safeguard.Foi.Staff;

/// <summary>The addresses of the FOI staff pages (policy <c>foi</c>) and of the calendar feeds.</summary>
internal static class FoiStaffPaths
{
    public const string Dashboard = "/staff/foi";
    public const string Requests = "/staff/foi/requests";
    public const string NewRequest = "/staff/foi/requests/new";
    public const string AllSeries = "/staff/foi/series";
    public const string Calendar = "/staff/foi/calendar";

    /// <summary>The calendar feed's address pattern: the token is the only key, so it is anonymous to the cookie policies.</summary>
    public const string CalendarFeedPattern = "/staff/foi/calendar/{token}.ics";

    public static string Request(int id) => Invariant($"/staff/foi/requests/{id}");

    /// <summary>A page that changes one part of a request: details, answer, extension, review, appeals, close, documents/new.</summary>
    public static string Stage(int id, string stage) => Invariant($"/staff/foi/requests/{id}/{stage}");

    public static string Document(int request, int document) => Invariant($"/staff/foi/requests/{request}/documents/{document}");

    public static string Series(int id) => Invariant($"/staff/foi/series/{id}");

    /// <summary>The form of a new request, filled in as the next of a series.</summary>
    public static string NextOfSeries(int id) => Invariant($"{NewRequest}?series={id}");

    public static string CalendarFeed(string token) => $"/staff/foi/calendar/{token}.ics";

    /// <summary>The form that attaches an answer document, as its page's route (<c>Staff/AttachDocument</c>) has it.</summary>
    public const string AttachDocument = "/staff/foi/requests/{request:int}/documents/new";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
