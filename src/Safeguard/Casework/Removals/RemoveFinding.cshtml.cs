using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;

namespace Safeguard.Casework.Removals;

/// <summary>Removing one physical finding of an assessment, after a confirmation.</summary>
internal sealed class RemoveFindingModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : RemovalPageModel(access, reading, time)
{
    [FromRoute]
    public int Assessment { get; set; }

    [FromRoute]
    public int Finding { get; set; }

    public override string Anchor => $"assessment-{Assessment}";

    protected override string Record => $"physical finding {Finding} of assessment {Assessment}";

    protected override Task<bool> HoldsRecordAsync(CancellationToken cancellationToken) => book.HoldsFindingAsync(Opened, Assessment, Finding, cancellationToken);

    protected override RemovalNotice? Describe(CaseView view) =>
        view.Assessments.SingleOrDefault(a => a.Id == Assessment) is { } assessment && assessment.Findings.SingleOrDefault(f => f.Id == Finding) is { } removed
            ? new RemovalNotice(
                $"Remove the physical finding “{removed.Location}” from the assessment of {FormInput.Long(assessment.AssessedOn)}?",
                [$"Its description and its grade (“{CaseText.Grade(removed.Consistency)}” the account) are removed with it; the assessment and its other findings stay."],
                "Remove the finding")
            : null;

    protected override Task<Removal> RemoveAsync(CancellationToken cancellationToken) => book.RemoveFindingAsync(Opened, Assessment, Finding, cancellationToken);
}
