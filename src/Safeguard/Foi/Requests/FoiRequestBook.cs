using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Audit.Contracts;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Data;
using Safeguard.Foi.Holidays;
using Safeguard.Platform;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Requests;

/// <summary>One thing wrong with a request as given.</summary>
/// <param name="Message">What is wrong and what to do, for the person who gave it.</param>
/// <param name="Field">The <see cref="FoiRequest"/> property at fault, when one is, so a form can point at it.</param>
internal sealed record FoiRequestProblem(string Message, string? Field);

/// <summary>
/// A request that cannot be saved as given: <see cref="Problems"/> says what to fix and where, every one found at once
/// (at most one a field), the message the first.
/// </summary>
internal sealed class FoiRequestException : Exception
{
    public FoiRequestException(string message, string? field = null)
        : this([new FoiRequestProblem(message, field)])
    {
    }

    public FoiRequestException(IReadOnlyList<FoiRequestProblem> problems)
        : base(problems[0].Message) => Problems = problems;

    public IReadOnlyList<FoiRequestProblem> Problems { get; }
}

/// <summary>The dates and answers that can be recorded on a request; null leaves a field as it is.</summary>
internal sealed record FoiRequestChanges
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
    public FoiReviewOutcome? ReviewOutcome { get; init; }
    public DateOnly? ComplaintToCommissionerOn { get; init; }
    public DateOnly? CommissionerDecisionOn { get; init; }
    public DateOnly? TribunalAppealOn { get; init; }
    public DateOnly? TribunalDecisionOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
}

/// <summary>The requests that need attention, each with where it stands.</summary>
/// <param name="DueSoon">A deadline within the next working days asked for, soonest first.</param>
/// <param name="Late">Past a deadline, most late first.</param>
/// <param name="Unknown">Dates the clock cannot count (bank holidays not known).</param>
/// <param name="Horizon">The last day counted as soon; null when it cannot be counted.</param>
/// <param name="HorizonUnknown">Why the horizon cannot be counted, and what to do; null when it can.</param>
/// <param name="HolidaysRunningOut">
/// That the known bank holidays end soon, and what to do before then; null when they do not (or have ended already,
/// which <paramref name="Unknown"/> and <paramref name="HorizonUnknown"/> say).
/// </param>
internal sealed record FoiAttention(
    IReadOnlyList<(FoiRequest Request, FoiRequestStatus Status)> DueSoon,
    IReadOnlyList<(FoiRequest Request, FoiRequestStatus Status)> Late,
    IReadOnlyList<(FoiRequest Request, FoiRequestStatus Status)> Unknown,
    DateOnly? Horizon,
    string? HorizonUnknown,
    string? HolidaysRunningOut);

/// <summary>An answer document as lists show it, without its bytes.</summary>
internal sealed record FoiDocumentSummary(int Id, string FileName, string Sha256, long SizeBytes, DateTime UploadedAtUtc);

/// <summary>
/// Keeps the charity's FOI requests, their series and answer documents, and tells where each request stands today.
/// Every change is recorded on the audit trail in its own transaction, naming the request by id and reference, never
/// by what it asks.
/// </summary>
internal sealed class FoiRequestBook(FoiDbContext db, BankHolidayStore holidays, TimeProvider clock, IAuditTrail audit, IAuditOrigin origin)
{
    public const string RecordType = "foi-request";

    /// <summary>Today, where the charity is.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<FoiRequest> AddAsync(FoiRequest request, CancellationToken cancellationToken)
    {
        request.Reference = request.Reference.Trim();
        await EnsureUniqueAsync(request, cancellationToken);
        request.Exemptions = Normalised(request.Exemptions);
        await CheckAsync(request, cancellationToken);
        db.Requests.Add(request);
        await SaveCheckedAsync(() => SaveAuditedAsync(AuditAction.Create, request, $"request {request.Reference} added", cancellationToken),
            () => EnsureUniqueAsync(request, cancellationToken));
        return request;
    }

    /// <summary>Records what happened to a request, by its reference (the command line).</summary>
    public async Task<FoiRequest> RecordAsync(string reference, FoiRequestChanges changes, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Reference == reference, cancellationToken)
            ?? throw new FoiRequestException($"There is no request '{reference}'.");
        return await ChangeAsync(request, r =>
        {
            r.AuthorityReference = changes.AuthorityReference ?? r.AuthorityReference;
            r.SentOn = changes.SentOn ?? r.SentOn;
            r.ReceivedOn = changes.ReceivedOn ?? r.ReceivedOn;
            r.AcknowledgedOn = changes.AcknowledgedOn ?? r.AcknowledgedOn;
            r.ExtendedTo = changes.ExtendedTo ?? r.ExtendedTo;
            r.Outcome = changes.Outcome ?? r.Outcome;
            r.AnsweredOn = changes.AnsweredOn ?? r.AnsweredOn;
            r.Exemptions = changes.Exemptions ?? r.Exemptions;
            r.ReviewRequestedOn = changes.ReviewRequestedOn ?? r.ReviewRequestedOn;
            r.ReviewAnsweredOn = changes.ReviewAnsweredOn ?? r.ReviewAnsweredOn;
            r.ReviewOutcome = changes.ReviewOutcome ?? r.ReviewOutcome;
            r.ComplaintToCommissionerOn = changes.ComplaintToCommissionerOn ?? r.ComplaintToCommissionerOn;
            r.CommissionerDecisionOn = changes.CommissionerDecisionOn ?? r.CommissionerDecisionOn;
            r.TribunalAppealOn = changes.TribunalAppealOn ?? r.TribunalAppealOn;
            r.TribunalDecisionOn = changes.TribunalDecisionOn ?? r.TribunalDecisionOn;
            r.ClosedOn = changes.ClosedOn ?? r.ClosedOn;
        }, "recorded on the command line", cancellationToken);
    }

    /// <summary>
    /// Changes a request (found by id) as <paramref name="change"/> says, checks it whole, and saves it with an audit
    /// entry saying <paramref name="what"/>; null when there is no such request.
    /// </summary>
    public async Task<FoiRequest?> ChangeAsync(int id, Action<FoiRequest> change, string what, CancellationToken cancellationToken) =>
        await db.Requests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } request
            ? await ChangeAsync(request, change, what, cancellationToken)
            : null;

    private async Task<FoiRequest> ChangeAsync(FoiRequest request, Action<FoiRequest> change, string what, CancellationToken cancellationToken)
    {
        change(request);
        request.Reference = request.Reference.Trim();
        await EnsureUniqueAsync(request, cancellationToken);
        request.Exemptions = Normalised(request.Exemptions);
        await CheckAsync(request, cancellationToken);
        await SaveCheckedAsync(() => SaveAuditedAsync(AuditAction.Update, request, $"request {request.Reference}: {what}", cancellationToken),
            () => EnsureUniqueAsync(request, cancellationToken));
        return request;
    }

    /// <summary>The request with its series, or null.</summary>
    public Task<FoiRequest?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking().Include(r => r.Series).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Every request with where it stands today, those needing attention first (most overdue first), then by reference.</summary>
    public async Task<List<(FoiRequest Request, FoiRequestStatus Status)>> TodayAsync(CancellationToken cancellationToken)
    {
        var calendar = await holidays.CalendarAsync(cancellationToken);
        var today = Today;
        var requests = await db.Requests.AsNoTracking().Include(r => r.Series).ToListAsync(cancellationToken);
        return [.. requests.Select(r => (r, FoiRequestStatus.Today(r, today, calendar)))
            .OrderByDescending(x => x.Item2.WorkingDaysLate).ThenBy(x => x.r.Reference, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What needs attention: requests whose deadline falls within the next <paramref name="workingDays"/> working days
    /// (soonest first), those past it (most late first), and those whose dates the clock cannot count; and whether the
    /// known bank holidays end within <paramref name="holidaysWarningDays"/> days, so that a newer feed is imported
    /// before a form refuses a date.
    /// </summary>
    public async Task<FoiAttention> AttentionAsync(int workingDays, int holidaysWarningDays, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(cancellationToken);
        var calendar = await holidays.CalendarAsync(cancellationToken);
        DateOnly? horizon = null;
        string? horizonUnknown = null;
        try
        {
            horizon = calendar.AddWorkingDays(Today, workingDays).Date;
        }
        catch (OutsideCoveredYearsException outside)
        {
            horizonUnknown = outside.Message;
        }
        return new FoiAttention(
            [.. today.Where(x => x.Status.WorkingDaysLate == 0 && x.Status.Due is { } due && due >= Today && due <= horizon).OrderBy(x => x.Status.Due)],
            [.. today.Where(x => x.Status.WorkingDaysLate > 0)],
            [.. today.Where(x => x.Status.State == FoiState.Unknown)],
            horizon,
            horizonUnknown,
            calendar.Covered.LastDayFrom(Today) is { } knownUntil && knownUntil.DayNumber - Today.DayNumber <= holidaysWarningDays
                ? $"Bank holidays are known only until {FormDates.Show(knownUntil)}: import a newer GOV.UK feed with 'foi holidays import' before then (docs/foi.md)."
                : null);
    }

    /// <summary>Where one request stands today.</summary>
    public async Task<FoiRequestStatus> StatusAsync(FoiRequest request, CancellationToken cancellationToken) =>
        FoiRequestStatus.Today(request, Today, await holidays.CalendarAsync(cancellationToken));

    /// <summary>Every deadline still waited on, of every request or of those <paramref name="ownerId"/> owns.</summary>
    public async Task<List<(FoiRequest Request, FoiPendingDeadline Deadline)>> PendingDeadlinesAsync(string? ownerId, CancellationToken cancellationToken)
    {
        var calendar = await holidays.CalendarAsync(cancellationToken);
        var open = await db.Requests.AsNoTracking().Where(r => r.ClosedOn == null && (ownerId == null || r.OwnerId == ownerId)).ToListAsync(cancellationToken);
        return [.. open.SelectMany(r => FoiDeadlines.Pending(r, calendar).Select(d => (r, d)))];
    }

    /// <summary>The deadlines a request still waits on.</summary>
    public async Task<IReadOnlyList<FoiPendingDeadline>> DeadlinesAsync(FoiRequest request, CancellationToken cancellationToken) =>
        FoiDeadlines.Pending(request, await holidays.CalendarAsync(cancellationToken));

    /// <summary>
    /// The statutory deadline and the latest date the Commissioner's guidance accepts for a public-interest extension
    /// (20 further working days); null for a request not yet received, or with dates the clock cannot count.
    /// </summary>
    public async Task<(DateOnly Deadline, DateOnly MostExtended)?> ExtensionLimitAsync(FoiRequest request, CancellationToken cancellationToken)
    {
        var calendar = await holidays.CalendarAsync(cancellationToken);
        try
        {
            return (request.ReceivedOn ?? request.SentOn) is { } received && new FoiClock(calendar).Due(received).Due is var due
                ? (due, calendar.AddWorkingDays(due, FoiRequestStatus.MostExtensionWorkingDays).Date)
                : null;
        }
        catch (OutsideCoveredYearsException)
        {
            return null;
        }
    }

    public Task<List<FoiDocumentSummary>> DocumentsAsync(int requestId, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().Where(d => d.RequestId == requestId).OrderBy(d => d.Id)
            .Select(d => new FoiDocumentSummary(d.Id, d.FileName, d.Sha256, d.SizeBytes, d.UploadedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>One document of a request, with its bytes; null unless it belongs to that request.</summary>
    public Task<FoiAnswerDocument?> DocumentAsync(int requestId, int documentId, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.RequestId == requestId, cancellationToken);

    /// <summary>Stores an answer document on a request, with its SHA-256.</summary>
    public async Task<FoiAnswerDocument> AttachAsync(FoiRequest request, string fileName, byte[] content, string uploadedBy, CancellationToken cancellationToken)
    {
        var document = new FoiAnswerDocument
        {
            RequestId = request.Id,
            FileName = StoredFileName.From(fileName) is { Length: > 0 and <= 260 } name ? name : "answer",
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            SizeBytes = content.LongLength,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            UploadedBy = uploadedBy,
        };
        db.Documents.Add(document);
        // The file is named by its hash, never its name, which may say more than it should.
        await SaveAuditedAsync(AuditAction.Update, request, string.Create(CultureInfo.InvariantCulture,
            $"request {request.Reference}: answer document sha256:{document.Sha256[..12]} attached ({document.SizeBytes:#,0} bytes)"), cancellationToken);
        return document;
    }

    public Task<List<FoiSeries>> AllSeriesAsync(CancellationToken cancellationToken) =>
        db.Series.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>A series with its requests, the earliest period first.</summary>
    public async Task<FoiSeries?> SeriesAsync(int id, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking().Include(s => s.Requests).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        series?.Requests.Sort((a, b) => (a.PeriodStart ?? a.SentOn ?? DateOnly.MaxValue, a.Id).CompareTo((b.PeriodStart ?? b.SentOn ?? DateOnly.MaxValue, b.Id)));
        return series;
    }

    public async Task<FoiSeries> AddSeriesAsync(string name, int intervalMonths, CancellationToken cancellationToken)
    {
        name = name.Trim();
        await EnsureSeriesNameFreeAsync(name, cancellationToken);
        var series = new FoiSeries { Name = name, IntervalMonths = intervalMonths };
        db.Series.Add(series);
        await SaveCheckedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Create, "foi-series", series.Id.ToString(CultureInfo.InvariantCulture), origin.Source,
                string.Create(CultureInfo.InvariantCulture, $"series every {intervalMonths} months")), transaction.GetDbTransaction(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, () => EnsureSeriesNameFreeAsync(name, cancellationToken));
        return series;
    }

    private async Task EnsureSeriesNameFreeAsync(string name, CancellationToken cancellationToken)
    {
        if (await db.Series.AnyAsync(s => s.Name == name, cancellationToken))
        {
            throw new FoiRequestException($"There is already a series '{name}'.", nameof(FoiSeries.Name));
        }
    }

    /// <summary>The references in use that start with <paramref name="prefix"/>, for suggesting the next one.</summary>
    public Task<List<string>> ReferencesStartingAsync(string prefix, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking().Where(r => r.Reference.StartsWith(prefix)).Select(r => r.Reference).ToListAsync(cancellationToken);

    private async Task EnsureUniqueAsync(FoiRequest request, CancellationToken cancellationToken)
    {
        if (await db.Requests.AnyAsync(r => r.Reference == request.Reference && r.Id != request.Id, cancellationToken))
        {
            throw new FoiRequestException($"There is already a request '{request.Reference}': give this one another reference.", nameof(FoiRequest.Reference));
        }
    }

    /// <summary>
    /// Runs <paramref name="save"/>, made after <paramref name="check"/> found its reference or name free. When a unique
    /// index refuses it because another save took that value in between (a form sent twice, two people at once),
    /// nothing was saved, and the check, made again, answers as it does before saving.
    /// </summary>
    private async Task SaveCheckedAsync(Func<Task> save, Func<Task> check)
    {
        try
        {
            await save();
        }
        catch (DbUpdateException failure) when (failure.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            await check();
            throw;
        }
    }

    private async Task SaveAuditedAsync(AuditAction action, FoiRequest request, string detail, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEvent(origin.Actor, action, RecordType, request.Id.ToString(CultureInfo.InvariantCulture), origin.Source, detail),
            transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Whether this save gives the review's answer (a new request, or a change of its date or outcome). A review answered
    /// before outcomes were recorded has none, and other changes to its request are not refused for that.
    /// </summary>
    private bool ReviewAnswerChanging(FoiRequest request)
    {
        var entry = db.Entry(request);
        if (entry.State is EntityState.Detached or EntityState.Added)
        {
            return true;
        }
        entry.DetectChanges();
        return entry.Property(r => r.ReviewAnsweredOn).IsModified || entry.Property(r => r.ReviewOutcome).IsModified;
    }

    /// <summary>
    /// What would be wrong with <paramref name="request"/> (as read, untracked) once <paramref name="change"/> is made
    /// to it, by the rules <see cref="CheckAsync"/> refuses a save for but the calendar's, without changing it: for a
    /// form that could not read the fields in <paramref name="unread"/> to say the rest at once. A rule that reads one
    /// of those is left until they are read.
    /// </summary>
    public IReadOnlyList<FoiRequestProblem> ProblemsOf(FoiRequest request, Action<FoiRequest> change, IReadOnlyCollection<string> unread)
    {
        var changed = (FoiRequest)db.Entry(request).CurrentValues.ToObject();
        change(changed);
        changed.Exemptions = Cited(changed.Exemptions);
        var reviewAnswerChanging = changed.ReviewAnsweredOn != request.ReviewAnsweredOn || changed.ReviewOutcome != request.ReviewOutcome;
        return Problems(changed, reviewAnswerChanging, unread);
    }

    /// <summary>The first problem of each field, rule by rule, but for rules that read a field in <paramref name="unread"/>.</summary>
    private static IReadOnlyList<FoiRequestProblem> Problems(FoiRequest request, bool reviewAnswerChanging, IReadOnlyCollection<string> unread) =>
        [.. Rules(request, reviewAnswerChanging).Where(rule => !rule.Reads.Any(unread.Contains)).Select(rule => rule.Problem).DistinctBy(p => p.Field)];

    /// <summary>A blank list of exemptions is none.</summary>
    private static string? Cited(string? exemptions) => string.IsNullOrWhiteSpace(exemptions) ? null : exemptions;

    /// <summary>The exemptions as saved: none when blank, otherwise each section written one way.</summary>
    private static string? Normalised(string? exemptions) => Cited(exemptions) is { } cited ? FoiExemptions.Normalise(cited) : null;

    /// <summary>Each rule the request breaks, with the fields the rule reads.</summary>
    private static IEnumerable<(FoiRequestProblem Problem, string[] Reads)> Rules(FoiRequest r, bool reviewAnswerChanging)
    {
        const string Sent = nameof(FoiRequest.SentOn), Received = nameof(FoiRequest.ReceivedOn), Answered = nameof(FoiRequest.AnsweredOn),
            Outcome = nameof(FoiRequest.Outcome), Exemptions = nameof(FoiRequest.Exemptions), ReviewAnswered = nameof(FoiRequest.ReviewAnsweredOn),
            ReviewOutcome = nameof(FoiRequest.ReviewOutcome), Complaint = nameof(FoiRequest.ComplaintToCommissionerOn), Decision = nameof(FoiRequest.CommissionerDecisionOn),
            Appeal = nameof(FoiRequest.TribunalAppealOn);
        static (FoiRequestProblem, string[])? Order(DateOnly? earlier, string earlierName, string[] earlierFields, DateOnly? later, string laterName, string laterField) =>
            earlier is { } first && later is { } second && second < first
                ? (new FoiRequestProblem($"The {laterName} ({second:d MMMM yyyy}) is before the {earlierName} ({first:d MMMM yyyy}).", laterField), [.. earlierFields, laterField])
                : null;
        (FoiRequestProblem, string[])?[] order =
        [
            Order(r.SentOn, "date sent", [Sent], r.ReceivedOn, "date received", Received),
            Order(r.ReceivedOn ?? r.SentOn, "date received", [Received, Sent], r.AcknowledgedOn, "date acknowledged", nameof(FoiRequest.AcknowledgedOn)),
            Order(r.ReceivedOn ?? r.SentOn, "date received", [Received, Sent], r.AnsweredOn, "date answered", Answered),
            Order(r.ReceivedOn ?? r.SentOn, "date received", [Received, Sent], r.ExtendedTo, "extended date", nameof(FoiRequest.ExtendedTo)),
            Order(r.AnsweredOn, "date answered", [Answered], r.ReviewRequestedOn, "date the review was requested", nameof(FoiRequest.ReviewRequestedOn)),
            Order(r.ReviewRequestedOn, "date the review was requested", [nameof(FoiRequest.ReviewRequestedOn)], r.ReviewAnsweredOn, "date the review was answered", ReviewAnswered),
            Order(r.ReviewAnsweredOn ?? r.AnsweredOn, "answer", [ReviewAnswered, Answered], r.ComplaintToCommissionerOn, "date of the complaint to the Commissioner", Complaint),
            Order(r.ComplaintToCommissionerOn, "complaint to the Commissioner", [Complaint], r.CommissionerDecisionOn, "Commissioner's decision", Decision),
            Order(r.CommissionerDecisionOn, "Commissioner's decision", [Decision], r.TribunalAppealOn, "appeal to the tribunal", Appeal),
            Order(r.TribunalAppealOn, "appeal to the tribunal", [Appeal], r.TribunalDecisionOn, "tribunal's decision", nameof(FoiRequest.TribunalDecisionOn)),
            Order(r.PeriodStart, "start of the period", [nameof(FoiRequest.PeriodStart)], r.PeriodEnd, "end of the period", nameof(FoiRequest.PeriodEnd)),
        ];
        foreach (var broken in order.OfType<(FoiRequestProblem, string[])>())
        {
            yield return broken;
        }
        if (r.ReceivedOn is not null && r.SentOn is null)
        {
            yield return (new("A request received by the authority must have been sent: enter the date sent too.", Sent), [Received, Sent]);
        }
        if (r.AnsweredOn is not null && r.Outcome is null)
        {
            yield return (new("Choose the outcome of the answer: answered in full, answered in part, refused or not held.", Outcome), [Answered, Outcome]);
        }
        if (r.Outcome is { } outcome && outcome != FoiOutcome.NoAnswer && r.AnsweredOn is null)
        {
            yield return (new("Enter the date the answer came.", Answered), [Outcome, Answered]);
        }
        if (r.Outcome == FoiOutcome.Refused && string.IsNullOrWhiteSpace(r.Exemptions))
        {
            yield return (new("A refusal cites the sections it relies on: enter the exemptions, for example \"s.12\" or \"s.31, s.40(2)\".", Exemptions), [Outcome, Exemptions]);
        }
        if (r.Exemptions is not null && r.Outcome is not (FoiOutcome.Refused or FoiOutcome.AnsweredInPart))
        {
            yield return (new("Only a refusal or an answer in part cites exemptions: clear them, or choose that outcome.", Exemptions), [Outcome, Exemptions]);
        }
        if (r.ReviewAnsweredOn is not null && r.ReviewOutcome is null && reviewAnswerChanging)
        {
            yield return (new("Choose what the internal review decided: upheld, changed in part or overturned.", ReviewOutcome), [ReviewAnswered, ReviewOutcome]);
        }
        if (r.ReviewOutcome is not null && r.ReviewAnsweredOn is null)
        {
            yield return (new("Enter the date the internal review was answered.", ReviewAnswered), [ReviewOutcome, ReviewAnswered]);
        }
    }

    /// <summary>
    /// The dates must follow one another, an answer and an answered internal review need what they decided (and what
    /// they decided its date), a refusal must cite what it relies on, and the clock must be able to count every date (a
    /// year without known bank holidays is refused, never guessed). Refused with every rule broken and the field at
    /// fault (the first for each field), which the pages show by those fields and the command line as sentences.
    /// </summary>
    private async Task CheckAsync(FoiRequest request, CancellationToken cancellationToken)
    {
        var problems = Problems(request, ReviewAnswerChanging(request), unread: []);
        if (problems.Count > 0)
        {
            throw new FoiRequestException(problems);
        }
        var calendar = await holidays.CalendarAsync(cancellationToken);
        try
        {
            FoiRequestStatus.On(request, Today, calendar);
        }
        catch (OutsideCoveredYearsException outside)
        {
            throw new FoiRequestException(outside.Message, DateFields(request).FirstOrDefault(f => f.Value?.Year == outside.Date.Year).Field);
        }
    }

    private static IEnumerable<(string Field, DateOnly? Value)> DateFields(FoiRequest r) =>
    [
        (nameof(r.SentOn), r.SentOn), (nameof(r.ReceivedOn), r.ReceivedOn), (nameof(r.ExtendedTo), r.ExtendedTo), (nameof(r.AnsweredOn), r.AnsweredOn),
        (nameof(r.ReviewRequestedOn), r.ReviewRequestedOn), (nameof(r.ReviewAnsweredOn), r.ReviewAnsweredOn),
    ];
}
