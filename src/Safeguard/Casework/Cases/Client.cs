using Safeguard.Casework.Assessments;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;
using Safeguard.Casework.Search;

namespace Safeguard.Casework.Cases;

/// <summary>How a case ended, or that it has not.</summary>
internal enum Outcome
{
    StillDetained,
    Released,
    Removed,
    /// <summary>Moved out of the charity's reach (to prison, hospital, another organisation's care).</summary>
    Transferred,
    LostContact,
}

/// <summary>The way out of detention, for a release.</summary>
internal enum ReleaseRoute
{
    /// <summary>Immigration bail granted by the First-tier Tribunal.</summary>
    TribunalBail,
    /// <summary>Released by the Home Office itself (immigration bail granted by the Secretary of State).</summary>
    HomeOfficeRelease,
    /// <summary>Released on a court's order (judicial review, habeas corpus).</summary>
    CourtOrder,
    Other,
}

/// <summary>
/// A client: the person the charity helps, and their case. The case number is the only plain identifier, and it is
/// not personal data (it says when the case was opened and nothing about the person); name, date of birth,
/// nationality, languages, Home Office reference and contact details are held only as ciphertext.
/// </summary>
internal sealed class Client
{
    public int Id { get; set; }

    /// <summary>E.g. "C-2024-00042": the year the case was opened and the row's number.</summary>
    public required string CaseNumber { get; set; }

    public DateOnly OpenedOn { get; set; }

    public required string NameCipher { get; set; }

    public string? DateOfBirthCipher { get; set; }

    public string? NationalityCipher { get; set; }

    public string? LanguagesCipher { get; set; }

    public string? HomeOfficeReferenceCipher { get; set; }

    public string? ContactCipher { get; set; }

    public Outcome Outcome { get; set; }

    /// <summary>The day of the outcome (release, removal, transfer, last contact); null while still detained.</summary>
    public DateOnly? OutcomeOn { get; set; }

    public ReleaseRoute? ReleaseRoute { get; set; }

    public List<ClientTag> Tags { get; set; } = [];

    public List<DetentionEpisode> Episodes { get; set; } = [];

    public List<ClinicalAssessment> Assessments { get; set; } = [];

    public List<CaseDocument> Documents { get; set; } = [];

    public List<HomeOfficeEvent> HomeOfficeEvents { get; set; } = [];

    public List<CaseAssignment> Assignments { get; set; } = [];

    /// <summary>The blind index entries that find the case by name, Home Office reference and date of birth.</summary>
    public List<CaseSearchEntry> SearchEntries { get; set; } = [];
}

/// <summary>
/// A label that puts a client in cohorts, e.g. "Rwanda removal". Tags are plain text so cohorts can be counted in
/// SQL; they name groups and policies, never a person (the forms allow letters, digits, spaces and hyphens only).
/// </summary>
internal sealed class ClientTag
{
    public int ClientId { get; set; }

    public required string Tag { get; set; }
}

/// <summary>A member of staff assigned to a case: they, and supervisors, may open it.</summary>
internal sealed class CaseAssignment
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    /// <summary>The staff account's id.</summary>
    public required string AccountId { get; set; }

    public DateTime AssignedAtUtc { get; set; }

    /// <summary>The account id of who assigned them.</summary>
    public required string AssignedBy { get; set; }
}
