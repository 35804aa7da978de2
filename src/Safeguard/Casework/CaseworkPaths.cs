namespace Safeguard.Casework;

/// <summary>The addresses of the casework pages that other code links or redirects to.</summary>
public static class CaseworkPaths
{
    public const string Cases = "/staff/cases";
    public const string Dashboard = "/staff/casework";
    public const string Limitation = "/staff/casework/limitation";
    public const string Referrals = "/staff/referrals";
    public const string RecordReferral = "/staff/referrals/record";
    public const string Cohorts = "/staff/cohorts";
    public const string CohortsCsv = "/staff/cohorts.csv";
    public const string Refer = "/refer";
    public const string ReferralSent = "/refer/sent";

    public static string Case(string caseNumber) => $"{Cases}/{caseNumber}";

    /// <summary>A case's document upload form, as its page's route (<c>Cases/Upload</c>) has it.</summary>
    public const string DocumentUpload = "/staff/cases/{caseNumber}/documents";

    public static string Referral(int id) => $"{Referrals}/{id}";

    /// <summary>The confirmation a member of staff sees after recording referral <paramref name="id"/>.</summary>
    public static string ReferralRecorded(int id) => $"{Referrals}/{id}/recorded";
}
