using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Assessments;

/// <summary>
/// One physical finding of an assessment: where on the body, what, and its Istanbul Protocol consistency grade. Added,
/// or changed to correct it (the same form, filled in with what was saved).
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class FindingModel(CaseAccess access, CaseBook book, CaseReading reading, TimeProvider time) : CasePageModel(access, time)
{
    [FromRoute]
    public int Assessment { get; set; }

    /// <summary>The finding being changed; none to add one.</summary>
    [FromRoute]
    public int? Finding { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Consistency { get; set; }

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) => Finding is { } id
        ? await RecordOnCase.MissingFindingAsync(book, Opened, Assessment, id, cancellationToken)
        : await book.HoldsAssessmentAsync(Opened, Assessment, cancellationToken) ? null : RecordOnCase.Assessment;

    public static IReadOnlyList<Choice> Grades { get; } = FormInput.Options<ConsistencyGrade>(CaseText.Grade, grade => grade switch
    {
        ConsistencyGrade.NotConsistent => "The finding could not have been caused by the trauma described",
        ConsistencyGrade.ConsistentWith => "It could have been caused by the trauma described, but is non-specific",
        ConsistencyGrade.HighlyConsistentWith => "It could have been caused by the trauma described, and there are few other possible causes",
        ConsistencyGrade.TypicalOf => "It is usually found with this type of trauma, but there are other possible causes",
        _ => "It could not have been caused in any way other than that described",
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(Finding is null ? $"physical finding form of assessment {Assessment}" : $"physical finding {Finding} of assessment {Assessment} form", cancellationToken))
        {
            return Refused();
        }
        if (Finding is { } id)
        {
            if ((await reading.ReadAsync(Opened, cancellationToken)).Assessments.SingleOrDefault(a => a.Id == Assessment)?.Findings.SingleOrDefault(f => f.Id == id) is not { } saved)
            {
                return await DeletedMeanwhileAsync(cancellationToken);
            }
            (Location, Description, Consistency) = (saved.Location, saved.Description, saved.Consistency.ToString());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return Refused();
        }
        var location = ModelState.Text(nameof(Location), Location, "Enter where on the body the finding is", 200, "Where the finding is");
        var description = ModelState.Text(nameof(Description), Description, "Describe the finding", 2000, "The description");
        var grade = ModelState.Choice<ConsistencyGrade>(nameof(Consistency), Consistency, "Choose how consistent the finding is with the account given");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await SavedAsync(await book.SaveFindingAsync(Opened, Assessment, Finding, new FindingInput(location!, description!, grade!.Value), cancellationToken),
            _ => $"assessment-{Assessment}", cancellationToken);
    }
}
