using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Assessments;

/// <summary>
/// Deleting a clinical assessment with its physical findings, after a confirmation. An assessment a document (its
/// medico-legal report) is linked to is kept, and the page says why: the report was written from it, and once served
/// it is what the clocks count from; deleting the assessment under it would leave a report about nothing the case
/// holds. Correct the assessment instead.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseRecordDeletion)]
internal sealed class DeleteAssessmentModel(CaseAccess access, CaseReading reading, CaseBook book, TimeProvider time) : DeletionPageModel(access, reading, time)
{
    [FromRoute]
    public int Assessment { get; set; }

    public override RecordOnCase OnCase => RecordOnCase.Assessment;

    protected override string Record => $"clinical assessment {Assessment}";

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) => await book.HoldsAssessmentAsync(Opened, Assessment, cancellationToken) ? null : OnCase;

    protected override DeletionNotice? Describe(CaseView view)
    {
        if (view.Assessments.SingleOrDefault(a => a.Id == Assessment) is not { } assessment)
        {
            return null;
        }
        var what = $"the clinical assessment of {FormDates.Show(assessment.AssessedOn)} by {assessment.ClinicianName}";
        var reports = view.Documents.Where(d => d.AssessmentId == Assessment).Select(d => $"{CaseText.Kind(d.Kind)} {d.Id}").ToList();
        if (reports.Count > 0)
        {
            return new DeletionNotice(
                $"{char.ToUpperInvariant(what[0])}{what[1..]} cannot be deleted",
                ["Change the assessment instead to correct it. A document cannot yet be deleted from a case or linked to another assessment."],
                "",
                $"{string.Join(" and ", reports)} {(reports.Count == 1 ? "is" : "are")} linked to it: the report was written from this assessment, and once served it is what the clocks count from.");
        }
        return new DeletionNotice(
            $"Delete {what}?",
            [assessment.Findings.Count switch
            {
                0 => "It has no physical findings.",
                1 => "Its physical finding is deleted with it.",
                var count => $"Its {count} physical findings are deleted with it.",
            }, "Its psychological findings, opinion and Adults at Risk level are deleted with it, and the cohort figures no longer count it."],
            "Delete the assessment");
    }

    protected override Task<Deletion> DeleteAsync(CancellationToken cancellationToken) => book.DeleteAssessmentAsync(Opened, Assessment, cancellationToken);
}
