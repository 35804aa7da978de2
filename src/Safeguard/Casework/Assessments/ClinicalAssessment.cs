namespace Safeguard.Casework.Assessments;

/// <summary>How the clinician met the person.</summary>
internal enum AssessmentMode
{
    InPerson,
    Remote,
}

/// <summary>
/// The Istanbul Protocol's grades of how far a physical finding is consistent with the account given (paragraph
/// 187 of the 2004 edition; 2022 edition, chapter V), from weakest to strongest.
/// </summary>
internal enum ConsistencyGrade
{
    /// <summary>The finding could not have been caused by the trauma described.</summary>
    NotConsistent,
    /// <summary>The finding could have been caused by the trauma described, but is non-specific.</summary>
    ConsistentWith,
    /// <summary>The finding could have been caused by the trauma described, and there are few other possible causes.</summary>
    HighlyConsistentWith,
    /// <summary>The finding is usually found with this type of trauma, but there are other possible causes.</summary>
    TypicalOf,
    /// <summary>The finding could not have been caused in any way other than that described.</summary>
    DiagnosticOf,
}

/// <summary>
/// A clinician's examination of a client. The structured findings (the flags and grades that cohorts count) are
/// plain columns, pseudonymous because the person's identity is encrypted; every free-text finding and the opinion
/// are held only as ciphertext.
/// </summary>
internal sealed class ClinicalAssessment
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    /// <summary>The clinician's name as colleagues know it (staff or volunteer), e.g. "Dr R. Example".</summary>
    public required string ClinicianName { get; set; }

    public DateOnly AssessedOn { get; set; }

    /// <summary>Where the person was held when assessed: a statistics place slug.</summary>
    public required string CentreSlug { get; set; }

    public bool InterpreterUsed { get; set; }

    public AssessmentMode Mode { get; set; }

    public bool Ptsd { get; set; }

    public bool Depression { get; set; }

    public bool SuicidalThoughts { get; set; }

    /// <summary>Other psychological findings, in the clinician's words.</summary>
    public string? OtherPsychologicalFindingsCipher { get; set; }

    /// <summary>The clinician's opinion that the findings support the person's account of torture.</summary>
    public bool SupportsTortureAccount { get; set; }

    /// <summary>The clinician's opinion that continued detention is likely to harm the person.</summary>
    public bool HarmFromDetentionLikely { get; set; }

    /// <summary>The opinion on harm from continued detention, in the clinician's words.</summary>
    public string? OpinionCipher { get; set; }

    /// <summary>The level of evidence under the Adults at Risk policy the report provides (1 to 3), if stated.</summary>
    public int? AdultsAtRiskLevel { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string RecordedBy { get; set; }

    public List<PhysicalFinding> PhysicalFindings { get; set; } = [];
}

/// <summary>One physical finding (a scar, a lesion), where on the body, and how consistent it is with the account.</summary>
internal sealed class PhysicalFinding
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public required string LocationCipher { get; set; }

    public required string DescriptionCipher { get; set; }

    public ConsistencyGrade Consistency { get; set; }
}
