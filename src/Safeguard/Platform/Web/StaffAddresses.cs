namespace Safeguard.Platform.Web;

/// <summary>
/// The staff pages that one module's pages link to in another's: the staff home lists casework and the audit trail,
/// the audit trail links each actor to their account. They live here so that a link needs no dependency between
/// modules (the accounts module records on the audit trail, so the trail cannot depend on accounts); each module's
/// own paths class names its pages from these.
/// </summary>
public static class StaffAddresses
{
    /// <summary>The staff home page.</summary>
    public const string Home = "/staff";

    /// <summary>The administrators' list of staff accounts.</summary>
    public const string Accounts = "/admin/users";

    /// <summary>The administrators' page searching the audit trail and checking its chain.</summary>
    public const string AuditTrail = "/admin/audit";

    /// <summary>What needs action in casework.</summary>
    public const string CaseworkDashboard = "/staff/casework";

    /// <summary>The cases the member of staff may open.</summary>
    public const string Cases = "/staff/cases";

    /// <summary>The referral queue.</summary>
    public const string Referrals = "/staff/referrals";

    /// <summary>Recording a referral that came by telephone, letter, e-mail or in person.</summary>
    public const string RecordReferral = "/staff/referrals/record";

    /// <summary>Cohort figures drawn from casework.</summary>
    public const string Cohorts = "/staff/cohorts";

    /// <summary>The editors' pages of the public site.</summary>
    public const string Site = "/staff/site";

    /// <summary>The administrators' page of one account.</summary>
    public static string Account(string accountId) => $"{Accounts}/{Uri.EscapeDataString(accountId)}";
}
