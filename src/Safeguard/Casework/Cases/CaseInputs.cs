using Safeguard.Casework.Assessments;
using Safeguard.Casework.Detention;
using Safeguard.Casework.Documents;
using Safeguard.Casework.HomeOfficeEvents;

namespace Safeguard.Casework.Cases;

/// <summary>Who the client is: every field is encrypted before it is stored.</summary>
internal sealed record ClientIdentity(
    string Name, DateOnly? DateOfBirth, string? Nationality, string? Languages, string? HomeOfficeReference, string? Contact);

/// <summary>A stay in one place of detention.</summary>
internal sealed record EpisodeInput(string CentreSlug, DateOnly From, DateOnly? To, EpisodeEnd? EndedBy);

/// <summary>A clinical assessment, its psychological findings and opinion; physical findings are added one by one.</summary>
internal sealed record AssessmentInput(
    string ClinicianName,
    DateOnly AssessedOn,
    string CentreSlug,
    bool InterpreterUsed,
    AssessmentMode Mode,
    bool Ptsd,
    bool Depression,
    bool SuicidalThoughts,
    string? OtherPsychologicalFindings,
    bool SupportsTortureAccount,
    bool HarmFromDetentionLikely,
    string? Opinion,
    int? AdultsAtRiskLevel);

/// <summary>One physical finding, in the Istanbul Protocol's terms.</summary>
internal sealed record FindingInput(string Location, string Description, ConsistencyGrade Consistency);

/// <summary>A file uploaded to a case: a new document, or a new version of <see cref="DocumentId"/>.</summary>
internal sealed record DocumentUpload(int? DocumentId, DocumentKind Kind, int? AssessmentId, DateOnly? ServedOn, string FileName, string ContentType, byte[] Content);

/// <summary>A file as downloaded: decrypted and checked against its SHA-256.</summary>
internal sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>Something the Home Office did.</summary>
internal sealed record HomeOfficeEventInput(
    HomeOfficeEventKind Kind, DateOnly OccurredOn, int? Rule35Paragraph, DetentionDecision? Decision, string? SecondOpinionAuthor, string? Note);

/// <summary>How the case ended (or that the person is still detained).</summary>
internal sealed record OutcomeInput(Outcome Outcome, DateOnly? On, ReleaseRoute? Route);
