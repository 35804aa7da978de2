using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;
using Safeguard.Foi.Requests;
using Safeguard.Platform;

namespace Safeguard.Foi.Reminders;

/// <summary>What a run of <see cref="FoiReminders.QueueAsync"/> did.</summary>
/// <param name="Queued">How many reminders it queued.</param>
/// <param name="Uncounted">Deadlines still to come of owned requests that the clock could not count (the bank holidays of
/// today's year or of the deadline's are not known), so that no reminder before them was queued: never guessed. A
/// deadline that has passed needs no count, and its reminder goes.</param>
/// <param name="Why">Why, and what to do: when today, or one of those deadlines, lies past the known bank holidays;
/// null when everything could be counted.</param>
internal sealed record FoiReminderRun(int Queued, int Uncounted, string? Why)
{
    /// <summary>The warning for the log and the command line, or null.</summary>
    public string? Warning => Why is null ? null : string.Create(CultureInfo.InvariantCulture,
        $"{Why} Until then, a reminder before a deadline cannot be worked out ({Uncounted} deadline{(Uncounted == 1 ? "" : "s")} still to come now); those of deadlines passed are still sent.");
}

/// <summary>
/// Queues reminders of FOI deadlines to each request's owner through the outbox: one when a deadline is
/// <see cref="FoiSettings.ReminderWorkingDays"/> working days away or nearer, one once it has passed. Each is queued
/// once: the record of it (<see cref="FoiReminder"/>, unique per request, deadline, date and kind) and the e-mail are
/// saved in one transaction. E-mails name the request by reference and authority, with a link to the site's public
/// address, and hold no personal data beyond the recipient's own address; a request without an active owner in the
/// FOI team gets none.
/// </summary>
internal sealed class FoiReminders(
    FoiDbContext db, FoiRequestBook book, BankHolidayStore holidays, StaffDirectory staff, Outbox outbox, FoiSettings settings, PublicAddress site, TimeProvider clock)
{
    /// <summary>Queues the reminders due on <paramref name="today"/> not queued before.</summary>
    public async Task<FoiReminderRun> QueueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var calendar = await holidays.CalendarAsync(cancellationToken);
        var sent = (await db.Reminders.AsNoTracking().Select(r => new { r.RequestId, r.Deadline, r.DueOn, r.Kind }).ToListAsync(cancellationToken))
            .Select(r => (r.RequestId, r.Deadline, r.DueOn, r.Kind)).ToHashSet();
        var owners = new Dictionary<string, StaffContact?>(StringComparer.Ordinal);
        var queued = 0;
        var uncounted = 0;
        var why = calendar.Covered.Contains(today.Year) ? null : new OutsideCoveredYearsException(today, calendar.Covered).Message;
        foreach (var (request, deadline) in await book.PendingDeadlinesAsync(null, cancellationToken))
        {
            if (request.OwnerId is not { } ownerId)
            {
                continue;
            }
            FoiReminderKind? kind;
            try
            {
                kind = KindDue(deadline, today, calendar);
            }
            catch (OutsideCoveredYearsException outside)
            {
                uncounted++;
                why ??= outside.Message;
                continue;
            }
            if (kind is not { } due || sent.Contains((request.Id, deadline.Code, deadline.Date, due)))
            {
                continue;
            }
            if (!owners.TryGetValue(ownerId, out var owner))
            {
                owners[ownerId] = owner = await staff.FindAsync(ownerId, StaffRoles.Foi);
            }
            if (owner is null)
            {
                continue;
            }
            if (await QueueOnceAsync(request, deadline, due, Message(request, deadline, due, today, calendar), owner, cancellationToken))
            {
                queued++;
            }
        }
        if (queued > 0)
        {
            outbox.Wake();
        }
        return new FoiReminderRun(queued, uncounted, why);
    }

    /// <summary>
    /// Saves the record of a reminder and queues its e-mail, in one transaction; false when another run (on another
    /// node, say) queued the same reminder a moment before, which the reminders' unique index then refuses: it counts
    /// as queued already, and this run carries on with the rest.
    /// </summary>
    private Task<bool> QueueOnceAsync(
        FoiRequest request, FoiPendingDeadline deadline, FoiReminderKind kind, (string Subject, string Body) message, StaffContact owner, CancellationToken cancellationToken) =>
        db.SaveOnceThenAsync(new FoiReminder
        {
            RequestId = request.Id,
            Deadline = deadline.Code,
            DueOn = deadline.Date,
            Kind = kind,
            RecipientId = owner.Id,
            QueuedAtUtc = clock.GetUtcNow().UtcDateTime,
        }, transaction => outbox.QueueAsync(owner.Email, message.Subject, message.Body, transaction, cancellationToken), cancellationToken);

    /// <summary>
    /// The reminder a deadline calls for today, if any: once it has passed, whatever the calendar knows; before, when it
    /// is within the reminder's working days.
    /// </summary>
    /// <exception cref="OutsideCoveredYearsException">The deadline is still to come, and today or it lies in a year without known bank holidays.</exception>
    private FoiReminderKind? KindDue(FoiPendingDeadline deadline, DateOnly today, WorkingDayCalendar calendar) =>
        today > deadline.Date ? FoiReminderKind.Overdue
        : calendar.WorkingDaysBetween(today, deadline.Date) <= settings.ReminderWorkingDays ? FoiReminderKind.Upcoming
        : null;

    private (string Subject, string Body) Message(FoiRequest request, FoiPendingDeadline deadline, FoiReminderKind kind, DateOnly today, WorkingDayCalendar calendar)
    {
        var when = kind == FoiReminderKind.Overdue
            ? $"passed on {FoiDeadline.Long(deadline.Date)}{DaysAgo(deadline.Date, today, calendar)}"
            : today == deadline.Date ? $"today, {FoiDeadline.Long(deadline.Date)}"
            : string.Create(CultureInfo.InvariantCulture, $"on {FoiDeadline.Long(deadline.Date)}, in {Days(calendar.WorkingDaysBetween(today, deadline.Date))}");
        var subject = kind == FoiReminderKind.Overdue
            ? $"FOI {request.Reference}: {deadline.Label}, now passed"
            : string.Create(CultureInfo.InvariantCulture, $"FOI {request.Reference}: {deadline.Label} {deadline.Date:d MMMM yyyy}");
        var body = $"""
            FOI request {request.Reference} to {request.Authority}: {deadline.Label} {when}.

            {site.Of(null)}{Staff.FoiStaffPaths.Request(request.Id)}

            {(kind == FoiReminderKind.Overdue ? "Record the answer if it came, or chase the authority; an internal review, then a complaint to the Information Commissioner, may follow." : "Record the answer on the request's page when it comes.")}

            You get this reminder because you own the request in Safeguard. Each reminder is sent once.
            """;
        return (subject, body);
    }

    /// <summary>", N working days ago", or nothing when the calendar cannot count them (today is past the known bank holidays).</summary>
    private static string DaysAgo(DateOnly passed, DateOnly today, WorkingDayCalendar calendar) =>
        Enumerable.Range(passed.Year, today.Year - passed.Year + 1).All(calendar.Covered.Contains) ? $", {Days(calendar.WorkingDaysBetween(passed, today))} ago" : "";

    private static string Days(int workingDays) =>
        string.Create(CultureInfo.InvariantCulture, $"{workingDays} working day{(workingDays == 1 ? "" : "s")}");
}
