namespace Safeguard.Casework.Protection;

/// <summary>
/// The purpose each encrypted casework field is bound to: a ciphertext made for one cannot be decrypted as another,
/// so a value copied from one column (or table) to another does not read.
/// </summary>
internal static class CaseFields
{
    public const string ReferrerName = "casework.referral.referrer-name";
    public const string ReferrerOrganisation = "casework.referral.referrer-organisation";
    public const string ReferrerContact = "casework.referral.referrer-contact";
    public const string ReferralPersonName = "casework.referral.person-name";
    public const string ReferralPersonDateOfBirth = "casework.referral.person-date-of-birth";
    public const string ReferralPersonNationality = "casework.referral.person-nationality";
    public const string ReferralPersonLanguages = "casework.referral.person-languages";
    public const string ReferralHomeOfficeReference = "casework.referral.home-office-reference";
    public const string ReferralConcern = "casework.referral.concern";

    public const string ClientName = "casework.client.name";
    public const string ClientDateOfBirth = "casework.client.date-of-birth";
    public const string ClientNationality = "casework.client.nationality";
    public const string ClientLanguages = "casework.client.languages";
    public const string ClientHomeOfficeReference = "casework.client.home-office-reference";
    public const string ClientContact = "casework.client.contact";

    public const string OtherPsychologicalFindings = "casework.assessment.other-psychological-findings";
    public const string Opinion = "casework.assessment.opinion";
    public const string FindingLocation = "casework.physical-finding.location";
    public const string FindingDescription = "casework.physical-finding.description";

    public const string HomeOfficeNote = "casework.home-office-event.note";

    public const string DocumentFileName = "casework.document.file-name";
    public const string DocumentContent = "casework.document.content";

    /// <summary>The blind index's own key (<see cref="Search.CaseSearchKey"/>), not a field of anyone's.</summary>
    public const string SearchIndexKey = "casework.search-index.key";
}
