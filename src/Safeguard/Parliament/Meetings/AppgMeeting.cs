namespace Safeguard.Parliament.Meetings;

/// <summary>What kind of gathering of the group a meeting record is.</summary>
internal enum MeetingKind
{
    MinisterMeeting,
    PanelEvent,
    Visit,
    Agm,
}

/// <summary>
/// A meeting, event or visit of the group, as the secretariat records it: when and where, who came, what was said (a
/// summary in Markdown) and what is to follow. Published ones are public at <c>/parliament/events/{slug}</c>; the
/// follow-up actions and the secretariat's names never are.
/// </summary>
internal sealed class AppgMeeting
{
    public int Id { get; set; }

    /// <summary>The public address's last part: the day and the title ("2025-03-20-panel-..."), fixed once made.</summary>
    public required string Slug { get; set; }

    public MeetingKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The time it started, London time, when known.</summary>
    public TimeOnly? StartsAt { get; set; }

    public required string Place { get; set; }

    /// <summary>How many came, as the secretariat puts it ("over 40 guests"), when not every guest is named.</summary>
    public string? HeadCount { get; set; }

    /// <summary>What happened, in Markdown; shown as HTML only once sanitised (<see cref="Platform.Web.PublishedMarkdown"/>).</summary>
    public string? Summary { get; set; }

    /// <summary>Shown on the public events pages; otherwise for the secretariat only.</summary>
    public bool Published { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];

    public List<MeetingFollowUp> FollowUps { get; set; } = [];
}

/// <summary>How someone came to a meeting.</summary>
internal enum AttendeeKind
{
    /// <summary>An MP or peer on the register.</summary>
    Parliamentarian,

    /// <summary>A member of the charity's staff, as the group's secretariat.</summary>
    Secretariat,

    /// <summary>A guest, named by organisation (and by name only when a speaker).</summary>
    Guest,
}

/// <summary>One person or organisation at a meeting, in the order recorded.</summary>
internal sealed class MeetingAttendee
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public AttendeeKind Kind { get; set; }

    /// <summary>The parliamentarian on the register, for <see cref="AttendeeKind.Parliamentarian"/>.</summary>
    public int? ParliamentarianId { get; set; }

    public Register.Parliamentarian? Parliamentarian { get; set; }

    /// <summary>The person's name: the secretariat's staff and speakers; guests may go by organisation alone.</summary>
    public string? Name { get; set; }

    /// <summary>The organisation or office a guest or speaker came from.</summary>
    public string? Organisation { get; set; }

    public bool Speaker { get; set; }
}

/// <summary>Something to do after a meeting, by whom and by when: for the secretariat only.</summary>
internal sealed class MeetingFollowUp
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string Action { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }
}
