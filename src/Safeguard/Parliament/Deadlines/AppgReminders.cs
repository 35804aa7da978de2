using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Accounts.Contracts;
using Safeguard.Parliament.Data;
using Safeguard.Platform;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Deadlines;

/// <summary>
/// Queues reminders of the group's deadlines (<see cref="AppgDeadline"/>) to every active policy officer through the
/// outbox, 28 and 7 days before each. Each is queued once: its record (<see cref="AppgReminder"/>) and its e-mail are
/// saved in one transaction, and the record's unique index refuses a second, so two runs at once (two nodes on one
/// PostgreSQL) still send one.
/// </summary>
internal sealed class AppgReminders(ParliamentDbContext db, StaffDirectory staff, Outbox outbox, PublicAddress site, TimeProvider clock)
{
    /// <summary>Queues the reminders due on <paramref name="today"/> not queued before; how many it queued.</summary>
    public async Task<int> QueueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var due = groups.SelectMany(g => AppgDeadline.Of(g).Select(d => (Group: g, Deadline: d, Days: d.ReminderDue(today)))).Where(d => d.Days is not null).ToList();
        if (due.Count == 0)
        {
            return 0;
        }
        var sent = (await db.Reminders.AsNoTracking().Select(r => new { r.GroupId, r.Deadline, r.DueOn, r.DaysBefore, r.RecipientId }).ToListAsync(cancellationToken))
            .Select(r => (r.GroupId, r.Deadline, r.DueOn, r.DaysBefore, r.RecipientId)).ToHashSet();
        var secretariat = await staff.InRolesAsync([StaffRoles.PolicyOfficer]);
        var queued = 0;
        foreach (var (group, deadline, days) in due)
        {
            foreach (var officer in secretariat.Where(o => !sent.Contains((group.Id, deadline.Code, deadline.DueOn, days!.Value, o.Id))))
            {
                if (await QueueOnceAsync(group, deadline, days!.Value, deadline.DueOn.DayNumber - today.DayNumber, officer, cancellationToken))
                {
                    queued++;
                }
            }
        }
        if (queued > 0)
        {
            outbox.Wake();
        }
        return queued;
    }

    /// <summary>Saves the reminder's record and queues its e-mail together; false when another run saved the same reminder first.</summary>
    private async Task<bool> QueueOnceAsync(Appg.AppgGroup group, AppgDeadline deadline, int days, int daysLeft, StaffContact officer, CancellationToken cancellationToken)
    {
        var subject = $"APPG: {deadline.Label} {FormDates.Show(deadline.DueOn)}";
        var body = string.Create(CultureInfo.InvariantCulture, $"""
            {group.Title}: {deadline.Label.ToLowerInvariant()} on {FormDates.Show(deadline.DueOn)}, {(daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : $"in {daysLeft} days")}.

            {site.Of(null)}{Staff.ParliamentStaffPaths.Home}

            You get this reminder because you are a policy officer, and the charity is the group's secretariat. Each reminder is sent once.
            """);
        return await db.SaveOnceThenAsync(new AppgReminder
        {
            GroupId = group.Id,
            Deadline = deadline.Code,
            DueOn = deadline.DueOn,
            DaysBefore = days,
            RecipientId = officer.Id,
            QueuedAtUtc = clock.GetUtcNow().UtcDateTime,
        }, transaction => outbox.QueueAsync(officer.Email, subject, body, transaction, cancellationToken), cancellationToken);
    }
}
