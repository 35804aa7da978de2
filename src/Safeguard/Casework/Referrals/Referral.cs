namespace Safeguard.Casework.Referrals;

/// <summary>Who asked for help.</summary>
internal enum ReferrerKind
{
    /// <summary>The detained person themselves.</summary>
    DetainedPerson,
    Lawyer,
    VisitorGroup,
    /// <summary>Another charity or non-governmental organisation.</summary>
    Ngo,
    Other,
}

/// <summary>How a referral reached the charity.</summary>
internal enum ReferralChannel
{
    /// <summary>The public form at /refer.</summary>
    PublicForm,
    /// <summary>Recorded by staff: a telephone call.</summary>
    Telephone,
    /// <summary>Recorded by staff: a letter.</summary>
    Letter,
    /// <summary>Recorded by staff: an e-mail.</summary>
    Email,
    /// <summary>Recorded by staff: in person, at a centre or at the office.</summary>
    InPerson,
    /// <summary>Recorded by staff: any other way.</summary>
    Other,
}

/// <summary>How soon the referrer says help is needed.</summary>
internal enum Urgency
{
    Routine,
    /// <summary>A removal date is set, or the person's health is at serious risk now.</summary>
    Urgent,
}

/// <summary>Where a referral stands after triage.</summary>
internal enum TriageStatus
{
    /// <summary>Not triaged yet, or kept waiting with a <see cref="WaitingReason"/>.</summary>
    Waiting,
    /// <summary>Accepted: a case was opened.</summary>
    Accepted,
    /// <summary>Declined, with a <see cref="DeclineReason"/>.</summary>
    Declined,
    /// <summary>Withdrawn before triage decided, with a <see cref="WithdrawalReason"/>: out of the queue, kept on record.</summary>
    Withdrawn,
}

/// <summary>Why a referral was declined. Categories, not free text, so no personal data creeps in.</summary>
internal enum DeclineReason
{
    NotInDetention,
    OutsideRemit,
    NoCapacity,
    Duplicate,
    ReferredElsewhere,
    NoConsent,
}

/// <summary>
/// Why a referral was withdrawn while it waited: it should not have been in the queue, as against one declined at
/// triage. Categories, not free text, so no personal data creeps in.
/// </summary>
internal enum WithdrawalReason
{
    /// <summary>The same referral recorded twice: by the form and by telephone, or entered twice.</summary>
    RecordedTwice,
    /// <summary>The person no longer wants the charity's help.</summary>
    WithdrawnByThePerson,
    /// <summary>Whoever referred them withdrew the referral.</summary>
    WithdrawnByTheReferrer,
}

/// <summary>Why a triaged referral is still waiting.</summary>
internal enum WaitingReason
{
    AwaitingInformation,
    AwaitingClinician,
}

/// <summary>
/// A request for help: from the person detained, their lawyer, a visitor group or another NGO, by the public form or
/// recorded by staff. Everything that identifies the person or the referrer, and the concern itself (health), is held
/// only as ciphertext (<c>...Cipher</c> columns, <see cref="Platform.Encryption.FieldEncryption"/>).
/// </summary>
internal sealed class Referral
{
    public int Id { get; set; }

    /// <summary>
    /// When it reached the charity: the moment the public form was sent; for one recorded by staff, the moment it was
    /// recorded when it came in that day, otherwise the start (UTC) of the day it came in. The queue's order and any
    /// wait are counted from this, so a referral recorded late keeps its real date.
    /// </summary>
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>When it was entered into Safeguard: the same as <see cref="ReceivedAtUtc"/> for the public form.</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>How it came: the public form, or one of the ways staff record.</summary>
    public ReferralChannel Channel { get; set; }

    /// <summary>The account id of the member of staff who recorded it; null for the public form.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>
    /// Whether the person is known to know about the referral and agree to it: always so for the public form, which
    /// asks; staff may record a referral before they have been able to confirm it, for triage to check.
    /// </summary>
    public bool ConsentConfirmed { get; set; }

    public ReferrerKind ReferrerKind { get; set; }

    public required string ReferrerNameCipher { get; set; }

    public string? ReferrerOrganisationCipher { get; set; }

    /// <summary>E-mail address and telephone number of the referrer.</summary>
    public required string ReferrerContactCipher { get; set; }

    public required string PersonNameCipher { get; set; }

    public string? PersonDateOfBirthCipher { get; set; }

    public string? PersonNationalityCipher { get; set; }

    public string? PersonLanguagesCipher { get; set; }

    public string? HomeOfficeReferenceCipher { get; set; }

    /// <summary>The place of detention (a statistics place slug); null when the referrer did not know.</summary>
    public string? CentreSlug { get; set; }

    public required string ConcernCipher { get; set; }

    public Urgency Urgency { get; set; }

    public TriageStatus Status { get; set; }

    public DeclineReason? DeclineReason { get; set; }

    public WaitingReason? WaitingReason { get; set; }

    public WithdrawalReason? WithdrawalReason { get; set; }

    /// <summary>
    /// Withdrawn as recorded twice: the number of the referral that stays, the same one recorded the other time. A
    /// number, checked when the withdrawal is made, rather than a foreign key: referrals are never deleted, and SQLite
    /// could not take the key off again when the migration goes back down.
    /// </summary>
    public int? SameAsReferralId { get; set; }

    public DateTime? TriagedAtUtc { get; set; }

    /// <summary>The account id of who triaged it (or withdrew it).</summary>
    public string? TriagedBy { get; set; }

    /// <summary>The case opened when it was accepted.</summary>
    public int? ClientId { get; set; }
}
