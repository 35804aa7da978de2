namespace Safeguard.Foi.Requests;

/// <summary>How a request was sent.</summary>
internal enum FoiChannel
{
    Email,
    Post,
    WebForm,
    WhatDoTheyKnow,
}

/// <summary>How the authority answered.</summary>
internal enum FoiOutcome
{
    AnsweredInFull,
    AnsweredInPart,
    Refused,
    NotHeld,
    NoAnswer,
}

/// <summary>What an internal review decided about the first answer.</summary>
internal enum FoiReviewOutcome
{
    /// <summary>The first answer stands.</summary>
    Upheld,

    /// <summary>Some of what was withheld is released, or some of the answer changed.</summary>
    ChangedInPart,

    /// <summary>The first answer is set aside: what was asked for is released.</summary>
    Overturned,
}

/// <summary>
/// A Freedom of Information request the charity made, from drafting to its last appeal. Every state and deadline is
/// computed from these dates (<see cref="FoiRequestStatus"/>), never typed. It names no private person: requests ask
/// for statistics, and the authority is an organisation.
/// </summary>
internal sealed class FoiRequest
{
    public int Id { get; set; }

    /// <summary>The charity's reference, e.g. "MJ-FOI-2025-014".</summary>
    public required string Reference { get; set; }

    /// <summary>The authority's reference, once it gives one, e.g. "FOI 81234".</summary>
    public string? AuthorityReference { get; set; }

    public required string Authority { get; set; }

    public required string Subject { get; set; }

    /// <summary>The text of the request as sent.</summary>
    public required string Text { get; set; }

    public FoiChannel Channel { get; set; }

    public DateOnly? SentOn { get; set; }

    /// <summary>When the authority received it; by e-mail or web form usually the day it was sent.</summary>
    public DateOnly? ReceivedOn { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>The authority's new date under a public-interest extension (s.10(3)).</summary>
    public DateOnly? ExtendedTo { get; set; }

    public FoiOutcome? Outcome { get; set; }

    public DateOnly? AnsweredOn { get; set; }

    /// <summary>The exemptions cited in a refusal, by section, e.g. "s.12; s.40(2)".</summary>
    public string? Exemptions { get; set; }

    public DateOnly? ReviewRequestedOn { get; set; }

    public DateOnly? ReviewAnsweredOn { get; set; }

    /// <summary>What the internal review decided; given with <see cref="ReviewAnsweredOn"/>.</summary>
    public FoiReviewOutcome? ReviewOutcome { get; set; }

    public DateOnly? ComplaintToCommissionerOn { get; set; }

    public DateOnly? CommissionerDecisionOn { get; set; }

    public DateOnly? TribunalAppealOn { get; set; }

    public DateOnly? TribunalDecisionOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>
    /// The staff account that answers for the request and gets its reminders: whoever created it on the staff pages,
    /// until someone else is made its owner. Null for a request added on the command line.
    /// </summary>
    public string? OwnerId { get; set; }

    /// <summary>The series the request belongs to, e.g. "Rule 35 reports, half-yearly".</summary>
    public int? SeriesId { get; set; }

    public FoiSeries? Series { get; set; }

    /// <summary>The first day of the period the request asks figures for, e.g. 1 January 2026.</summary>
    public DateOnly? PeriodStart { get; set; }

    /// <summary>The last day of that period, e.g. 30 June 2026.</summary>
    public DateOnly? PeriodEnd { get; set; }

    /// <summary>The answer's documents as the authority sent them.</summary>
    public List<FoiAnswerDocument> Documents { get; } = [];
}

/// <summary>
/// Requests repeated on a schedule to keep a run of figures going, e.g. "Rule 35 reports, half-yearly": each asks the
/// same of the next period.
/// </summary>
internal sealed class FoiSeries
{
    public int Id { get; set; }

    /// <summary>What the series asks and how often, e.g. "Rule 35 reports, half-yearly".</summary>
    public required string Name { get; set; }

    /// <summary>How far each request's period moves on from the last one's, in months (6 for half-yearly).</summary>
    public int IntervalMonths { get; set; } = 6;

    public List<FoiRequest> Requests { get; } = [];
}

/// <summary>A document of an answer, stored as received, with its SHA-256 so a copy can be checked against it.</summary>
internal sealed class FoiAnswerDocument
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>The file's name as uploaded, last part only.</summary>
    public required string FileName { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    public long SizeBytes { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    /// <summary>The account that attached it.</summary>
    public required string UploadedBy { get; set; }
}
