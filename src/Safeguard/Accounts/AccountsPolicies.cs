namespace Safeguard.Accounts;

/// <summary>
/// Named authorization policies. Every endpoint either allows anonymous access (and is on the public allow-list the
/// endpoint test keeps) or names one of these; an endpoint that does neither is refused (see
/// <see cref="SignIn.ClassifiedEndpointRequirement"/>).
/// </summary>
public static class AccountsPolicies
{
    /// <summary>Signed in with a passphrase, second factor not necessarily enrolled yet: enrolment and signing out only.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Signed in with a passphrase and a second factor, whatever the role.</summary>
    public const string Staff = "staff";

    /// <summary>Staff with the administrator role.</summary>
    public const string Administrators = "administrators";

    /// <summary>
    /// Staff whose role may see case data (caseworkers, clinicians, volunteers, supervisors), always with a second
    /// factor; each record is then checked against who it is assigned to (supervisors may open any, audited).
    /// </summary>
    public const string CaseData = "case-data";

    /// <summary>
    /// Staff who may delete a record from a case they can open (an assessment, a finding, a Home Office event, a stay):
    /// caseworkers, clinicians and supervisors, not volunteers. What is deleted is kept only in backups.
    /// </summary>
    public const string CaseRecordDeletion = "case-record-deletion";

    /// <summary>Supervisors of casework: triaging referrals and assigning staff to cases.</summary>
    public const string CaseSupervision = "case-supervision";

    /// <summary>
    /// Staff who record referrals that came by telephone, letter, e-mail or in person: caseworkers and supervisors.
    /// Recording shows nothing back, so it needs no case access; triage stays with <see cref="CaseSupervision"/>.
    /// </summary>
    public const string ReferralIntake = "referral-intake";

    /// <summary>Staff whose role may see aggregate figures drawn from casework (every role but volunteer).</summary>
    public const string Aggregates = "aggregates";

    /// <summary>Staff who import figures into draft releases and publish them: policy officers and administrators.</summary>
    public const string Statistics = "statistics";

    /// <summary>Staff who keep the charity's FOI requests on the statutory clock: policy officers and administrators.</summary>
    public const string Foi = "foi";

    /// <summary>The roles that may see case data.</summary>
    public static IReadOnlyList<string> CaseDataRoles { get; } = [StaffRoles.Caseworker, StaffRoles.Clinician, StaffRoles.Volunteer, StaffRoles.Supervisor];

    /// <summary>The roles that may delete a record from a case.</summary>
    public static IReadOnlyList<string> CaseRecordDeletionRoles { get; } = [StaffRoles.Caseworker, StaffRoles.Clinician, StaffRoles.Supervisor];

    /// <summary>The roles that may record a referral.</summary>
    public static IReadOnlyList<string> ReferralIntakeRoles { get; } = [StaffRoles.Caseworker, StaffRoles.Supervisor];

    /// <summary>The roles that may see aggregates.</summary>
    public static IReadOnlyList<string> AggregateRoles { get; } =
        [StaffRoles.Administrator, StaffRoles.Caseworker, StaffRoles.Clinician, StaffRoles.Researcher, StaffRoles.PolicyOfficer, StaffRoles.Supervisor];

    /// <summary>The roles that may import and publish statistics.</summary>
    public static IReadOnlyList<string> StatisticsRoles { get; } = [StaffRoles.Administrator, StaffRoles.PolicyOfficer];

    /// <summary>The roles that keep FOI requests.</summary>
    public static IReadOnlyList<string> FoiRoles { get; } = [StaffRoles.Administrator, StaffRoles.PolicyOfficer];

    /// <summary>The <c>amr</c> claim value Identity adds when the second factor was given.</summary>
    public const string MultiFactor = "mfa";

    /// <summary>The claim holding when the session began (Unix seconds), for its absolute lifetime.</summary>
    public const string SessionStartedClaim = "safeguard:session-started";

    /// <summary>The claim naming the session (random), so that signing out can end it on the server.</summary>
    public const string SessionIdClaim = "safeguard:session-id";
}
