using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Clocks;
using Safeguard.Casework.Data;
using Safeguard.Casework.Documents;
using Safeguard.Casework.Referrals;

namespace Safeguard.Casework.Dashboard;

/// <summary>A Home Office response awaited longer than the configured number of days.</summary>
internal sealed record OverdueResponse(string CaseNumber, string What, DateOnly Since, int Days);

/// <summary>An assessment whose medico-legal report has not been uploaded.</summary>
internal sealed record UnreportedAssessment(string CaseNumber, int AssessmentId, DateOnly AssessedOn, string ClinicianName, int Days);

/// <summary>A case whose claim for false imprisonment must be brought within the next twelve months.</summary>
internal sealed record LimitationDue(string CaseNumber, DateOnly DetentionEnded, DateOnly Deadline, int DaysLeft);

/// <summary>What needs action on the cases a member of staff may open.</summary>
internal sealed record ActionList(IReadOnlyList<OverdueResponse> Overdue, IReadOnlyList<UnreportedAssessment> Unreported, IReadOnlyList<LimitationDue> Limitation)
{
    /// <summary>Days left within which a limitation date is urgent: named at the top of the dashboard, not only counted.</summary>
    public const int UrgentLimitationDays = 30;

    /// <summary>The limitation dates falling in the next <see cref="UrgentLimitationDays"/> days, soonest first.</summary>
    public IReadOnlyList<LimitationDue> LimitationSoon => [.. Limitation.Where(l => l.DaysLeft <= UrgentLimitationDays)];

    /// <summary>Every case the dashboard names (the limitation list names the rest of its own), for the audit trail.</summary>
    public IEnumerable<string> CaseNumbers =>
        LimitationSoon.Select(l => l.CaseNumber).Concat(Overdue.Select(o => o.CaseNumber)).Concat(Unreported.Select(u => u.CaseNumber)).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// Computes, over the cases a member of staff may open, what needs action: Home Office responses overdue (awaited
/// more than <see cref="CaseworkSettings.OverdueAfterDays"/> days while the person is still detained), assessments
/// without a report, and the limitation dates falling in the next twelve months. Nothing here is stored: it is read
/// from the records each time, with the same <see cref="CaseFacts"/> the case page uses.
/// </summary>
internal sealed class CaseworkDashboard(CaseworkDbContext db, CaseAccess access, CaseworkSettings settings, TimeProvider time)
{
    public async Task<ActionList> ReadAsync(CaseReader reader, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var clients = await access.Visible(reader).AsSplitQuery()
            .Include(c => c.Episodes).Include(c => c.Documents).Include(c => c.HomeOfficeEvents).Include(c => c.Assessments)
            .ToListAsync(cancellationToken);
        var overdue = new List<OverdueResponse>();
        var unreported = new List<UnreportedAssessment>();
        var limitation = new List<LimitationDue>();
        foreach (var client in clients)
        {
            var (late, due) = Needs(client, today);
            overdue.AddRange(late);
            var reported = client.Documents.Where(d => d.Kind == DocumentKind.MedicoLegalReport).Select(d => d.AssessmentId).ToHashSet();
            unreported.AddRange(client.Assessments.Where(a => !reported.Contains(a.Id))
                .Select(a => new UnreportedAssessment(client.CaseNumber, a.Id, a.AssessedOn, a.ClinicianName, today.DayNumber - a.AssessedOn.DayNumber)));
            if (due is not null)
            {
                limitation.Add(due);
            }
        }
        return new ActionList(
            [.. overdue.OrderByDescending(o => o.Days).ThenBy(o => o.CaseNumber, StringComparer.Ordinal)],
            [.. unreported.OrderByDescending(u => u.Days).ThenBy(u => u.CaseNumber, StringComparer.Ordinal)],
            [.. limitation.OrderBy(l => l.Deadline).ThenBy(l => l.CaseNumber, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// What makes each case of <paramref name="cases"/> urgent, by case number, in words for the case list: an urgent
    /// referral while the person is still detained, a Home Office response overdue, a claim due within
    /// <see cref="ActionList.UrgentLimitationDays"/> days (with the days left, so the soonest can come first). Cases with
    /// nothing urgent are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, UrgentCase>> UrgentAsync(IQueryable<Client> cases, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var clients = await cases.AsSplitQuery().Include(c => c.Episodes).Include(c => c.Documents).Include(c => c.HomeOfficeEvents).ToListAsync(cancellationToken);
        var ids = clients.Select(c => c.Id).ToList();
        var urgentlyReferred = (await db.Referrals.Where(r => r.ClientId != null && ids.Contains(r.ClientId.Value) && r.Urgency == Urgency.Urgent)
            .Select(r => r.ClientId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var urgent = new Dictionary<string, UrgentCase>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            var (late, due) = Needs(client, today);
            var flags = new List<string>();
            if (client.Outcome == Outcome.StillDetained && urgentlyReferred.Contains(client.Id))
            {
                flags.Add("Urgent referral");
            }
            if (late.Count > 0)
            {
                flags.Add("Home Office response overdue");
            }
            if (due is { DaysLeft: <= ActionList.UrgentLimitationDays })
            {
                flags.Add($"Claim due in {due.DaysLeft} {(due.DaysLeft == 1 ? "day" : "days")}");
            }
            if (flags.Count > 0)
            {
                urgent[client.CaseNumber] = new UrgentCase(flags, due is { DaysLeft: <= ActionList.UrgentLimitationDays } ? due.DaysLeft : null);
            }
        }
        return urgent;
    }

    /// <summary>A case's Home Office responses overdue, and its limitation date when it falls within a year.</summary>
    private (IReadOnlyList<OverdueResponse> Overdue, LimitationDue? Limitation) Needs(Client client, DateOnly today)
    {
        var dates = CaseFacts.Dates(client.Episodes, client.Documents, client.HomeOfficeEvents, client.Outcome, client.OutcomeOn);
        var overdue = CaseFacts.Awaited(dates, client.HomeOfficeEvents, client.Outcome)
            .Where(a => a.DaysBy(today) > settings.OverdueAfterDays)
            .Select(a => new OverdueResponse(client.CaseNumber, a.What, a.Since, a.DaysBy(today))).ToList();
        var due = CaseClocks.DetentionEnded(dates.Detention) is { } ended && CaseClocks.LimitationDeadline(ended) is var deadline && CaseClocks.FallsDueWithinYear(deadline, today)
            ? new LimitationDue(client.CaseNumber, ended, deadline, deadline.DayNumber - today.DayNumber)
            : null;
        return (overdue, due);
    }
}

/// <summary>Why a case is urgent, in words, and the days left to bring its claim when that is one of the reasons.</summary>
internal sealed record UrgentCase(IReadOnlyList<string> Reasons, int? ClaimDaysLeft);
