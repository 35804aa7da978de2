using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Audit.Contracts;
using Safeguard.Parliament.Data;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.Staff;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Meetings;

/// <summary>
/// A meeting as a form gives it: everything but its slug; parliamentarians by name as the register has them (each must
/// be found there), the secretariat's staff by name, and guests as (name or null, organisation or null, speaker).
/// </summary>
internal sealed record MeetingInput(
    MeetingKind Kind, string Title, DateOnly Date, TimeOnly? StartsAt, string Place, string? HeadCount, string? Summary, bool Published,
    IReadOnlyList<string> Parliamentarians, IReadOnlyList<string> Secretariat, IReadOnlyList<(string? Name, string? Organisation, bool Speaker)> Guests);

/// <summary>
/// The group's meetings, events and visits: read for the staff and public pages, and changed by the secretariat, each
/// change recorded on the audit trail in its transaction (the meeting by id; never what was said or who came).
/// </summary>
internal sealed class MeetingBook(ParliamentDbContext db, ParliamentAudit audit, TimeProvider clock)
{
    public const string RecordType = "appg-meeting";

    /// <summary>Every meeting, the latest first; only published ones when <paramref name="publishedOnly"/>.</summary>
    public Task<List<AppgMeeting>> ListAsync(bool publishedOnly, CancellationToken cancellationToken) =>
        db.Meetings.AsNoTracking().Where(m => !publishedOnly || m.Published)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartsAt).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>A meeting with its attendees (and their parliamentarians) and follow-ups, by id.</summary>
    public Task<AppgMeeting?> FindAsync(int id, CancellationToken cancellationToken) => Whole().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>A published meeting, whole, by its slug; null for an internal one, as for one that does not exist.</summary>
    public Task<AppgMeeting?> PublishedAsync(string slug, CancellationToken cancellationToken) =>
        Whole().FirstOrDefaultAsync(m => m.Slug == slug && m.Published, cancellationToken);

    private IQueryable<AppgMeeting> Whole() =>
        db.Meetings.AsNoTracking().AsSplitQuery()
            .Include(m => m.Attendees.OrderBy(a => a.Id)).ThenInclude(a => a.Parliamentarian)
            .Include(m => m.FollowUps.OrderBy(f => f.DueOn).ThenBy(f => f.Id));

    /// <summary>Records a new meeting; its slug is made from its day and title.</summary>
    /// <exception cref="UnknownParliamentariansException">A parliamentarian named is not on the register.</exception>
    public async Task<AppgMeeting> AddAsync(MeetingInput input, CancellationToken cancellationToken)
    {
        var meeting = new AppgMeeting { Slug = await PublicSlugs.FreeAsync(string.Create(CultureInfo.InvariantCulture, $"{input.Date:yyyy-MM-dd} {input.Title}"), db.Meetings.Select(m => m.Slug), cancellationToken), Title = input.Title, Place = input.Place };
        await FillAsync(meeting, input, cancellationToken);
        db.Meetings.Add(meeting);
        await audit.SaveAsync(AuditAction.Create, RecordType, () => Invariant(meeting.Id), Described(meeting), cancellationToken);
        return meeting;
    }

    /// <summary>Changes a meeting (its slug stays, so its address does); false when there is none.</summary>
    /// <exception cref="UnknownParliamentariansException">A parliamentarian named is not on the register.</exception>
    public async Task<bool> ChangeAsync(int id, MeetingInput input, CancellationToken cancellationToken)
    {
        if (await db.Meetings.Include(m => m.Attendees).FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } meeting)
        {
            return false;
        }
        var wasPublished = meeting.Published;
        db.Attendees.RemoveRange(meeting.Attendees);
        meeting.Attendees.Clear();
        await FillAsync(meeting, input, cancellationToken);
        var detail = (wasPublished, meeting.Published) switch
        {
            (false, true) => $"{Described(meeting)}, now published",
            (true, false) => $"{Described(meeting)}, no longer published",
            _ => Described(meeting),
        };
        await audit.SaveAsync(AuditAction.Update, RecordType, () => Invariant(id), detail, cancellationToken);
        return true;
    }

    /// <summary>Adds a follow-up action to a meeting; false when there is none.</summary>
    public async Task<bool> AddFollowUpAsync(int id, string action, string owner, DateOnly dueOn, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return false;
        }
        db.FollowUps.Add(new MeetingFollowUp { MeetingId = id, Action = action, Owner = owner, DueOn = dueOn });
        await audit.SaveAsync(AuditAction.Update, RecordType, () => Invariant(id), string.Create(CultureInfo.InvariantCulture, $"follow-up action due {dueOn:yyyy-MM-dd} added"), cancellationToken);
        return true;
    }

    /// <summary>A meeting's documents, without their bytes, in the order attached.</summary>
    public Task<List<MeetingDocumentEntry>> DocumentsAsync(int meetingId, CancellationToken cancellationToken) =>
        db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.Id)
            .Select(d => new MeetingDocumentEntry(d.Id, d.Title, d.FileName, d.SizeBytes)).ToListAsync(cancellationToken);

    /// <summary>A document of a meeting, with its bytes, for the secretariat; null when the meeting has no such document.</summary>
    public Task<MeetingDocument?> DocumentAsync(int meetingId, int documentId, CancellationToken cancellationToken) =>
        db.MeetingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.MeetingId == meetingId, cancellationToken);

    /// <summary>A document of a published meeting, by the meeting's slug; null for an internal meeting's, as for one that does not exist.</summary>
    public Task<MeetingDocument?> PublishedDocumentAsync(string slug, int documentId, CancellationToken cancellationToken) =>
        db.MeetingDocuments.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && db.Meetings.Any(m => m.Id == d.MeetingId && m.Slug == slug && m.Published), cancellationToken);

    /// <summary>Attaches a PDF to a meeting, the row and its audit entry in one transaction; false when there is no such meeting.</summary>
    public async Task<bool> AttachAsync(int meetingId, string title, UploadedFileContent file, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
        {
            return false;
        }
        var document = new MeetingDocument
        {
            MeetingId = meetingId,
            Title = title,
            FileName = file.FileName,
            Content = file.Content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)),
            SizeBytes = file.Content.LongLength,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.MeetingDocuments.Add(document);
        // Named by its hash, never its name or title, which may say more than the trail should.
        await audit.SaveAsync(AuditAction.Update, RecordType, () => Invariant(meetingId),
            string.Create(CultureInfo.InvariantCulture, $"document sha256:{document.Sha256[..12]} attached ({document.SizeBytes:#,0} bytes)"), cancellationToken);
        return true;
    }

    private async Task FillAsync(AppgMeeting meeting, MeetingInput input, CancellationToken cancellationToken)
    {
        var byName = await db.ResolveAsync(input.Parliamentarians, cancellationToken);
        meeting.Kind = input.Kind;
        meeting.Title = input.Title;
        meeting.Date = input.Date;
        meeting.StartsAt = input.StartsAt;
        meeting.Place = input.Place;
        meeting.HeadCount = input.HeadCount;
        meeting.Summary = input.Summary;
        meeting.Published = input.Published;
        meeting.Attendees.AddRange(input.Parliamentarians.Distinct(StringComparer.Ordinal).Select(n => new MeetingAttendee { Kind = AttendeeKind.Parliamentarian, ParliamentarianId = byName[n] }));
        meeting.Attendees.AddRange(input.Secretariat.Select(n => new MeetingAttendee { Kind = AttendeeKind.Secretariat, Name = n }));
        meeting.Attendees.AddRange(input.Guests.Select(g => new MeetingAttendee { Kind = AttendeeKind.Guest, Name = g.Name, Organisation = g.Organisation, Speaker = g.Speaker }));
    }

    private static string Described(AppgMeeting meeting) =>
        string.Create(CultureInfo.InvariantCulture, $"{meeting.Kind} on {meeting.Date:yyyy-MM-dd}, {meeting.Attendees.Count} attendees, {(meeting.Published ? "public" : "internal")}");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
