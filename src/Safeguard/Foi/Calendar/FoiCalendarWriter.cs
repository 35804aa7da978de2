using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Calendar;

/// <summary>
/// Deadlines as an iCalendar feed (RFC 5545, written by Ical.Net: CRLF line ends, lines folded at 75 octets, text
/// escaped): one all-day event per deadline, whose UID is the request's id and the deadline's kind, so an extension
/// moves the event rather than adding one. Events say the reference, the authority and the deadline, and link to the
/// request; not what it asks, as a feed may be copied into a calendar service outside the charity.
/// </summary>
internal static class FoiCalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<(FoiRequest Request, FoiPendingDeadline Deadline)> deadlines, string baseUrl, DateTimeOffset now)
    {
        var host = new Uri(baseUrl).Host;
        var calendar = new Ical.Net.Calendar { ProductId = "-//Safeguard//FOI deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", "FOI deadlines");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT6H");
        var stamp = new CalDateTime(now.UtcDateTime);
        foreach (var (request, deadline) in deadlines.OrderBy(d => d.Deadline.Date).ThenBy(d => d.Request.Reference, StringComparer.Ordinal))
        {
            var link = $"{baseUrl.TrimEnd('/')}{Staff.FoiStaffPaths.Request(request.Id)}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"foi-request-{request.Id}-{deadline.Code}@{host}"),
                DtStamp = stamp,
                DtStart = new CalDateTime(deadline.Date.Year, deadline.Date.Month, deadline.Date.Day),
                DtEnd = new CalDateTime(deadline.Date.AddDays(1).Year, deadline.Date.AddDays(1).Month, deadline.Date.AddDays(1).Day),
                Summary = $"FOI {request.Reference} ({request.Authority}): {deadline.Label}",
                Description = $"Request {request.Reference} to {request.Authority}: {deadline.Label}, {FoiDeadline.Long(deadline.Date)}.\n{link}",
                Url = new Uri(link),
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
