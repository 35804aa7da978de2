using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Parliament.Register;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Meetings.Staff;

/// <summary>
/// The form of a meeting, new or changed: what was typed is bound as text to be shown again, and read typed
/// (<see cref="Read"/>) once its rules pass. Attendees are typed one a line, so a list of any length needs no script.
/// </summary>
internal abstract class MeetingFormModel : PageModel
{
    public static IReadOnlyList<Choice> Kinds { get; } =
    [
        new(nameof(MeetingKind.MinisterMeeting), "Meeting with a minister"),
        new(nameof(MeetingKind.PanelEvent), "Panel event"),
        new(nameof(MeetingKind.Visit), "Visit"),
        new(nameof(MeetingKind.Agm), "Annual general meeting"),
    ];

    [BindProperty]
    [Choice<MeetingKind>("Choose what kind of meeting it was")]
    public string? Kind { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a title, for example Panel discussion on immigration detention today")]
    [TextLength(200, "The title")]
    public string? Title { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date as day/month/year, for example " + FormDates.Example)]
    [Date("the date")]
    public string? Date { get; set; }

    [BindProperty]
    [RegularExpression(@"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$", ErrorMessage = "Enter the time as hours and minutes on the 24-hour clock, for example 14:30")]
    public string? StartsAt { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter where it was, for example Committee Room 10, House of Commons")]
    [TextLength(200, "The place")]
    public string? Place { get; set; }

    [BindProperty]
    [TextLength(4000, "The list of parliamentarians")]
    public string? Parliamentarians { get; set; }

    [BindProperty]
    [TextLength(2000, "The list of the secretariat's staff")]
    public string? Secretariat { get; set; }

    [BindProperty]
    [TextLength(4000, "The list of speakers")]
    public string? Speakers { get; set; }

    [BindProperty]
    [TextLength(4000, "The list of guests")]
    public string? Guests { get; set; }

    [BindProperty]
    [TextLength(100, "The head count")]
    public string? HeadCount { get; set; }

    [BindProperty]
    [TextLength(20000, "The summary")]
    public string? Summary { get; set; }

    [BindProperty]
    [YesNo("Choose whether the meeting is shown on the public events page")]
    public string? Published { get; set; }

    /// <summary>The typed meeting, once ModelState is valid; null otherwise.</summary>
    protected MeetingInput? Read()
    {
        if (!ModelState.IsValid || FormChoices.Read<MeetingKind>(Kind) is not { } kind || FormText.Read(Title) is not { } title
            || FormDates.Parse(Date) is not { } date || FormText.Read(Place) is not { } place || FormChoices.Answer(Published) is not { } published)
        {
            return null;
        }
        TimeOnly? startsAt = FormText.Read(StartsAt) is { } time ? TimeOnly.ParseExact(time.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture) : null;
        return new MeetingInput(kind, title, date, startsAt, place, FormText.Read(HeadCount), FormText.Read(Summary), published,
            Lines(Parliamentarians), Lines(Secretariat),
            [.. Lines(Speakers).Select(line => Guest(line, true)), .. Lines(Guests).Select(line => Guest(line, false))]);
    }

    /// <summary>Fills the form from a meeting recorded before.</summary>
    protected void Fill(AppgMeeting meeting)
    {
        Kind = meeting.Kind.ToString();
        Title = meeting.Title;
        Date = FormDates.Value(meeting.Date);
        StartsAt = meeting.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture);
        Place = meeting.Place;
        Parliamentarians = Joined(meeting.Attendees.Where(a => a.Kind == AttendeeKind.Parliamentarian).Select(a => a.Parliamentarian?.Name));
        Secretariat = Joined(meeting.Attendees.Where(a => a.Kind == AttendeeKind.Secretariat).Select(a => a.Name));
        Speakers = Joined(meeting.Attendees.Where(a => a.Kind == AttendeeKind.Guest && a.Speaker).Select(GuestLine));
        Guests = Joined(meeting.Attendees.Where(a => a.Kind == AttendeeKind.Guest && !a.Speaker).Select(GuestLine));
        HeadCount = meeting.HeadCount;
        Summary = meeting.Summary;
        Published = FormChoices.Show(meeting.Published);
    }

    /// <summary>Says which names the register lacks, by the parliamentarians' field.</summary>
    protected void Refuse(UnknownParliamentariansException unknown) =>
        ModelState.AddModelError(nameof(Parliamentarians),
            $"Write each parliamentarian as the register names them, one a line; not found, or found twice: {string.Join(", ", unknown.Names)}");

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(FormText.Read).OfType<string>()];

    /// <summary>"Name, organisation" (split at the first comma), or an organisation alone for a guest who is not a speaker.</summary>
    private static (string? Name, string? Organisation, bool Speaker) Guest(string line, bool speaker)
    {
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return speaker ? (line, null, true) : (null, line, false);
        }
        return (FormText.Read(line[..comma]), FormText.Read(line[(comma + 1)..]), speaker);
    }

    private static string GuestLine(MeetingAttendee attendee) =>
        attendee.Name is { } name ? (attendee.Organisation is { } organisation ? $"{name}, {organisation}" : name) : attendee.Organisation ?? "";

    private static string Joined(IEnumerable<string?> lines) => string.Join('\n', lines.OfType<string>());
}
