using Safeguard.Casework.Access;

namespace Safeguard.Casework.Cases;

/// <summary>A record of a case as its pages name it ("Home Office event"), and where the case page shows it ("home-office").</summary>
/// <param name="What">What it is, in words.</param>
/// <param name="Anchor">Where the case page shows it: its own place, or its section's.</param>
internal sealed record RecordOnCase(string What, string Anchor)
{
    public static RecordOnCase Episode { get; } = new("stay in detention", "detention");

    /// <summary>A clinical assessment, in the assessments' section (each has a place of its own too: <see cref="Finding"/>).</summary>
    public static RecordOnCase Assessment { get; } = new("clinical assessment", "assessments");

    public static RecordOnCase HomeOfficeEvent { get; } = new("Home Office event", "home-office");

    /// <summary>A physical finding, under its assessment <paramref name="assessment"/>.</summary>
    public static RecordOnCase Finding(int assessment) => new("physical finding", $"assessment-{assessment}");

    /// <summary>
    /// Physical finding <paramref name="finding"/> of assessment <paramref name="assessment"/> when the case does not hold
    /// it (null when it does): under its assessment while the case holds the assessment, otherwise in the assessments'
    /// section, since the assessment's own place on the case page went with it.
    /// </summary>
    public static async Task<RecordOnCase?> MissingFindingAsync(CaseBook book, OpenedCase opened, int assessment, int finding, CancellationToken cancellationToken) =>
        await book.HoldsFindingAsync(opened, assessment, finding, cancellationToken) ? null
        : await book.HoldsAssessmentAsync(opened, assessment, cancellationToken) ? Finding(assessment)
        : Finding(assessment) with { Anchor = Assessment.Anchor };
}

/// <summary>What the page saying the case holds no such record now says (<c>Cases/NoSuchRecord.cshtml</c>).</summary>
/// <param name="CaseNumber">The case, which the reader may open.</param>
/// <param name="Record">The record the address named, and where it would be on the case page, to go back to.</param>
/// <param name="MayHaveBeenDeleted">What may have become of it: "It may have been deleted: by a colleague, or by you in another tab."</param>
/// <param name="NothingDone">What the request sent did not do ("Nothing was saved."); null for a page only read.</param>
internal sealed record NoSuchRecordNotice(string CaseNumber, RecordOnCase Record, string MayHaveBeenDeleted, string? NothingDone);
