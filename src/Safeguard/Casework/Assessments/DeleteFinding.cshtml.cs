using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Assessments;

/// <summary>Deleting one physical finding of an assessment, after a confirmation.</summary>
[Authorize(Policy = StaffPolicies.CaseRecordDeletion)]
internal sealed class DeleteFindingModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : DeletionPageModel(access, reading, time)
{
    [FromRoute]
    public int Assessment { get; set; }

    [FromRoute]
    public int Finding { get; set; }

    public override RecordOnCase OnCase => RecordOnCase.Finding(Assessment);

    protected override string Record => $"physical finding {Finding} of assessment {Assessment}";

    protected override Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) => RecordOnCase.MissingFindingAsync(book, Opened, Assessment, Finding, cancellationToken);

    protected override DeletionNotice? Describe(CaseView view) =>
        view.Assessments.SingleOrDefault(a => a.Id == Assessment) is { } assessment && assessment.Findings.SingleOrDefault(f => f.Id == Finding) is { } finding
            ? new DeletionNotice(
                $"Delete the physical finding “{finding.Location}” from the assessment of {FormDates.Show(assessment.AssessedOn)}?",
                [$"Its description and its grade (“{CaseText.Grade(finding.Consistency)}” the account) are deleted with it; the assessment and its other findings stay."],
                "Delete the finding")
            : null;

    protected override Task<Deletion> DeleteAsync(CancellationToken cancellationToken) => book.DeleteFindingAsync(Opened, Assessment, Finding, cancellationToken);
}
