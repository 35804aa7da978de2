using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;

namespace Safeguard.Foi.Requests;

/// <summary>A request that cannot be saved as given; the message says what to fix.</summary>
public sealed class FoiRequestException(string message) : Exception(message);

/// <summary>The dates and answers that can be recorded on a request; null leaves a field as it is.</summary>
public sealed record FoiRequestChanges
{
    public string? AuthorityReference { get; init; }
    public DateOnly? SentOn { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }
    public DateOnly? ExtendedTo { get; init; }
    public FoiOutcome? Outcome { get; init; }
    public DateOnly? AnsweredOn { get; init; }
    public string? Exemptions { get; init; }
    public DateOnly? ReviewRequestedOn { get; init; }
    public DateOnly? ReviewAnsweredOn { get; init; }
    public DateOnly? ComplaintToCommissionerOn { get; init; }
    public DateOnly? CommissionerDecisionOn { get; init; }
    public DateOnly? TribunalAppealOn { get; init; }
    public DateOnly? TribunalDecisionOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
}

/// <summary>Keeps the charity's FOI requests and tells where each stands today.</summary>
internal sealed partial class FoiRequestBook(FoiDbContext db, BankHolidayStore holidays, TimeProvider clock)
{
    /// <summary>Sections of the Act that can be cited as exemptions or as grounds to refuse (s.12 cost, s.14 vexatious).</summary>
    private static readonly HashSet<int> Sections = [12, 14, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44];

    public async Task<FoiRequest> AddAsync(FoiRequest request, CancellationToken cancellationToken)
    {
        if (await db.Requests.AnyAsync(r => r.Reference == request.Reference, cancellationToken))
        {
            throw new FoiRequestException($"There is already a request '{request.Reference}'.");
        }
        request.Exemptions = request.Exemptions is { } cited ? NormaliseExemptions(cited) : null;
        Check(request);
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task<FoiRequest> RecordAsync(string reference, FoiRequestChanges changes, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken)
            ?? throw new FoiRequestException($"There is no request '{reference}'.");
        request.AuthorityReference = changes.AuthorityReference ?? request.AuthorityReference;
        request.SentOn = changes.SentOn ?? request.SentOn;
        request.ReceivedOn = changes.ReceivedOn ?? request.ReceivedOn;
        request.AcknowledgedOn = changes.AcknowledgedOn ?? request.AcknowledgedOn;
        request.ExtendedTo = changes.ExtendedTo ?? request.ExtendedTo;
        request.Outcome = changes.Outcome ?? request.Outcome;
        request.AnsweredOn = changes.AnsweredOn ?? request.AnsweredOn;
        request.Exemptions = changes.Exemptions is { } cited ? NormaliseExemptions(cited) : request.Exemptions;
        request.ReviewRequestedOn = changes.ReviewRequestedOn ?? request.ReviewRequestedOn;
        request.ReviewAnsweredOn = changes.ReviewAnsweredOn ?? request.ReviewAnsweredOn;
        request.ComplaintToCommissionerOn = changes.ComplaintToCommissionerOn ?? request.ComplaintToCommissionerOn;
        request.CommissionerDecisionOn = changes.CommissionerDecisionOn ?? request.CommissionerDecisionOn;
        request.TribunalAppealOn = changes.TribunalAppealOn ?? request.TribunalAppealOn;
        request.TribunalDecisionOn = changes.TribunalDecisionOn ?? request.TribunalDecisionOn;
        request.ClosedOn = changes.ClosedOn ?? request.ClosedOn;
        Check(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>Every request with where it stands today, those needing attention first (most overdue first), then by reference.</summary>
    public async Task<List<(FoiRequest Request, FoiRequestStatus Status)>> TodayAsync(CancellationToken cancellationToken)
    {
        var calendar = await holidays.CalendarAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var requests = await db.Requests.AsNoTracking().ToListAsync(cancellationToken);
        return [.. requests.Select(r => (r, FoiRequestStatus.On(r, today, calendar)))
            .OrderByDescending(x => x.Item2.WorkingDaysLate).ThenBy(x => x.r.Reference, StringComparer.Ordinal)];
    }

    /// <summary>The dates must follow one another, and a refusal must cite what it relies on.</summary>
    private static void Check(FoiRequest request)
    {
        void Order(DateOnly? earlier, string earlierName, DateOnly? later, string laterName)
        {
            if (earlier is { } first && later is { } second && second < first)
            {
                throw new FoiRequestException($"The {laterName} ({second:yyyy-MM-dd}) is before the {earlierName} ({first:yyyy-MM-dd}).");
            }
        }
        Order(request.SentOn, "date sent", request.ReceivedOn, "date received");
        Order(request.ReceivedOn ?? request.SentOn, "date received", request.AnsweredOn, "date answered");
        Order(request.ReceivedOn ?? request.SentOn, "date received", request.ExtendedTo, "extended date");
        Order(request.AnsweredOn, "date answered", request.ReviewRequestedOn, "date the review was requested");
        Order(request.ReviewRequestedOn, "date the review was requested", request.ReviewAnsweredOn, "date the review was answered");
        Order(request.AnsweredOn ?? request.ReviewAnsweredOn, "answer", request.ComplaintToCommissionerOn, "date of the complaint to the Commissioner");
        Order(request.ComplaintToCommissionerOn, "complaint to the Commissioner", request.CommissionerDecisionOn, "Commissioner's decision");
        Order(request.CommissionerDecisionOn, "Commissioner's decision", request.TribunalAppealOn, "appeal to the tribunal");
        Order(request.TribunalAppealOn, "appeal to the tribunal", request.TribunalDecisionOn, "tribunal's decision");
        if (request.ReceivedOn is not null && request.SentOn is null)
        {
            throw new FoiRequestException("A request received by the authority must have been sent: give the date sent too.");
        }
        if (request.AnsweredOn is not null && request.Outcome is null)
        {
            throw new FoiRequestException("Give the outcome of the answer (answered-in-full, answered-in-part, refused, not-held).");
        }
        if (request.Outcome == FoiOutcome.Refused && string.IsNullOrWhiteSpace(request.Exemptions))
        {
            throw new FoiRequestException("A refusal cites the sections it relies on: give the exemptions, e.g. \"s.12\" or \"s.31, s.40(2)\".");
        }
    }

    /// <summary>"s12, S.40(2)" → "s.12; s.40(2)", refusing anything that is not a section of the Act that can be relied on.</summary>
    private static string NormaliseExemptions(string cited)
    {
        var sections = new List<string>();
        foreach (var part in cited.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Section().Match(part);
            if (!match.Success || !Sections.Contains(int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                throw new FoiRequestException($"'{part}' is not a section of the Act that a refusal can rely on (s.12, s.14, s.21 to s.44).");
            }
            sections.Add($"s.{match.Groups["number"].Value}{match.Groups["subsection"].Value}");
        }
        return string.Join("; ", sections.Distinct());
    }

    [GeneratedRegex(@"^(?:s(?:ection)?\.?\s*)?(?<number>\d{2})(?<subsection>\(\d+\)(?:\([a-z]\))?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Section();
}
