using Microsoft.AspNetCore.Authorization;

namespace Safeguard.Platform.Web;

/// <summary>
/// Named authorization policies. Every endpoint either allows anonymous access (and is on the public allow-list the
/// endpoint test keeps) or names one of these; an endpoint that does neither is refused. The accounts module
/// registers them (with the roles each admits); every module names them on its pages and route groups.
/// </summary>
public static class StaffPolicies
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

    /// <summary>
    /// Staff who keep the APPG's secretariat: the register of MPs and peers, the group's meetings, bills and briefings,
    /// and asking MPs to join the group. Policy officers and administrators.
    /// </summary>
    public const string Parliament = "parliament";

    /// <summary>Staff who write and publish the charity's public site (its news): editors and administrators.</summary>
    public const string Site = "site";

    /// <summary>The claim type (RFC 8176, authentication methods references) that says how the account signed in.</summary>
    public const string AuthenticationMethods = "amr";

    /// <summary>The <see cref="AuthenticationMethods"/> value Identity adds when the second factor was given.</summary>
    public const string MultiFactor = "mfa";

    /// <summary>
    /// The chain every staff policy starts with: signed in, and with a second factor; then, when roles are given,
    /// holding one of them.
    /// </summary>
    public static AuthorizationPolicyBuilder RequireStaff(this AuthorizationPolicyBuilder policy, params IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(roles);
        policy.RequireAuthenticatedUser().RequireClaim(AuthenticationMethods, MultiFactor);
        return roles.Any() ? policy.RequireRole(roles) : policy;
    }
}
