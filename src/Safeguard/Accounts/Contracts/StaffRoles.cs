using Safeguard.Platform.Web;

namespace Safeguard.Accounts.Contracts;

/// <summary>
/// The roles a member of staff can hold. What each reaches is set by <see cref="StaffPolicies"/> and described in
/// docs/accounts.md.
/// </summary>
public static class StaffRoles
{
    /// <summary>Manages accounts and roles. Does not see case data by virtue of this role.</summary>
    public const string Administrator = "administrator";

    /// <summary>Works on the cases assigned to them.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>Documents clinical evidence on the cases assigned to them.</summary>
    public const string Clinician = "clinician";

    /// <summary>Sees aggregate figures only, never a case.</summary>
    public const string Researcher = "researcher";

    /// <summary>Sees aggregate figures and publishes statistics; never a case.</summary>
    public const string PolicyOfficer = "policy-officer";

    /// <summary>Sees only what they are assigned.</summary>
    public const string Volunteer = "volunteer";

    /// <summary>Oversees casework: triages referrals, assigns staff to cases, and may open any case (each time audited).</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Writes and publishes the charity's public site: its news. Never a case.</summary>
    public const string Editor = "editor";

    /// <summary>Every role, in the order the pages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, Caseworker, Clinician, Researcher, PolicyOfficer, Volunteer, Supervisor, Editor];

    /// <summary>The roles <see cref="StaffPolicies.CaseData"/> admits: those that may see case data.</summary>
    public static IReadOnlyList<string> CaseData { get; } = [Caseworker, Clinician, Volunteer, Supervisor];

    /// <summary>The roles <see cref="StaffPolicies.CaseRecordDeletion"/> admits: those that may delete a record from a case.</summary>
    public static IReadOnlyList<string> CaseRecordDeletion { get; } = [Caseworker, Clinician, Supervisor];

    /// <summary>The roles <see cref="StaffPolicies.ReferralIntake"/> admits: those that may record a referral.</summary>
    public static IReadOnlyList<string> ReferralIntake { get; } = [Caseworker, Supervisor];

    /// <summary>The roles <see cref="StaffPolicies.Aggregates"/> admits: those that may see aggregates.</summary>
    public static IReadOnlyList<string> Aggregates { get; } = [Administrator, Caseworker, Clinician, Researcher, PolicyOfficer, Supervisor];

    /// <summary>The roles <see cref="StaffPolicies.Statistics"/> admits: those that may import and publish statistics.</summary>
    public static IReadOnlyList<string> Statistics { get; } = [Administrator, PolicyOfficer];

    /// <summary>The roles <see cref="StaffPolicies.Foi"/> admits: those that keep FOI requests.</summary>
    public static IReadOnlyList<string> Foi { get; } = [Administrator, PolicyOfficer];

    /// <summary>The roles <see cref="StaffPolicies.Parliament"/> admits: those that keep the APPG's secretariat.</summary>
    public static IReadOnlyList<string> Parliament { get; } = [Administrator, PolicyOfficer];

    /// <summary>The roles <see cref="StaffPolicies.Site"/> admits: those that write and publish the public site.</summary>
    public static IReadOnlyList<string> Site { get; } = [Administrator, Editor];

    /// <summary>What a role is for, in a few words, for the pages that assign roles.</summary>
    public static string Describe(string role) => role switch
    {
        Administrator => "Invites staff, changes roles and deactivates accounts",
        Caseworker => "Works on the cases assigned to them",
        Clinician => "Documents clinical evidence on the cases assigned to them",
        Researcher => "Sees aggregate figures only",
        PolicyOfficer => "Sees aggregate figures and publishes statistics",
        Volunteer => "Sees only what they are assigned",
        Supervisor => "Triages referrals, assigns staff to cases and may open any case; every opening is recorded",
        Editor => "Writes and publishes the news on the public site",
        _ => role,
    };

    /// <summary>The role's name for people, e.g. "Policy officer".</summary>
    public static string Title(string role) => role switch
    {
        PolicyOfficer => "Policy officer",
        _ => char.ToUpperInvariant(role[0]) + role[1..],
    };
}
