using System.Globalization;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Meetings;

/// <summary>A meeting as its pages tell it: for anyone (published) or for the secretariat, who also see their own names.</summary>
internal sealed record MeetingAccount(AppgMeeting Meeting, bool ForSecretariat);

/// <summary>The words the meetings' pages use.</summary>
internal static class MeetingWords
{
    /// <summary>The public address of a published meeting, and of the list.</summary>
    public const string PublicList = "/parliament/events";

    public static string PublicPage(string slug) => $"{PublicList}/{slug}";

    /// <summary>A published meeting's document, for anyone to download.</summary>
    public static string PublicDocument(string slug, int document) => string.Create(CultureInfo.InvariantCulture, $"{PublicList}/{slug}/documents/{document}");

    /// <summary>"Agenda (PDF, 1.2 MB)": how a document is linked.</summary>
    public static string Document(MeetingDocumentEntry document) => $"{document.Title} (PDF, {UploadedFile.Size(document.SizeBytes)})";

    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.MinisterMeeting => "Meeting with a minister",
        MeetingKind.PanelEvent => "Panel event",
        MeetingKind.Visit => "Visit",
        MeetingKind.Agm => "Annual general meeting",
        _ => kind.ToString(),
    };

    /// <summary>"12 March 2025", or "20 March 2025 at 18:00" when the time is known.</summary>
    public static string When(AppgMeeting meeting) =>
        meeting.StartsAt is { } time ? string.Create(CultureInfo.InvariantCulture, $"{FormDates.Show(meeting.Date)} at {time:HH:mm}") : FormDates.Show(meeting.Date);

    /// <summary>A parliamentarian at a meeting as the pages name them: "Baroness Lister of Burtersett (Labour)".</summary>
    public static string Parliamentarian(Register.Parliamentarian member) => member.Party is { } party ? $"{member.Name} ({party})" : member.Name;

    /// <summary>A guest or speaker: "Name, organisation", or either alone.</summary>
    public static string Guest(MeetingAttendee guest) =>
        string.Join(", ", new[] { guest.Name, guest.Organisation }.OfType<string>());
}
