namespace Safeguard.Foi.Requests;

/// <summary>How a request was sent.</summary>
public enum FoiChannel
{
    Email,
    Post,
    WebForm,
    WhatDoTheyKnow,
}

/// <summary>How the authority answered.</summary>
public enum FoiOutcome
{
    AnsweredInFull,
    AnsweredInPart,
    Refused,
    NotHeld,
    NoAnswer,
}

/// <summary>
/// A Freedom of Information request the charity made, from drafting to its last appeal. Every state and deadline is
/// computed from these dates (<see cref="FoiRequestStatus"/>), never typed. It names no private person: requests ask
/// for statistics, and the authority is an organisation.
/// </summary>
public sealed class FoiRequest
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

    public DateOnly? ComplaintToCommissionerOn { get; set; }

    public DateOnly? CommissionerDecisionOn { get; set; }

    public DateOnly? TribunalAppealOn { get; set; }

    public DateOnly? TribunalDecisionOn { get; set; }

    public DateOnly? ClosedOn { get; set; }
}
