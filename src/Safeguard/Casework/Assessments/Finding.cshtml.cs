using System.ComponentModel.DataAnnotations;
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
    [Required(ErrorMessage = "Enter where on the body the finding is")]
    [TextLength(200, "Where the finding is")]
    public string? Location { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Describe the finding")]
    [TextLength(2000, "The description")]
    public string? Description { get; set; }

    [BindProperty]
    [Choice<ConsistencyGrade>("Choose how consistent the finding is with the account given")]
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
        if (Typed() is not { } finding)
        {
            return Page();
        }
        return await SavedAsync(await book.SaveFindingAsync(Opened, Assessment, Finding, finding, cancellationToken), _ => $"assessment-{Assessment}", cancellationToken);
    }

    /// <summary>The finding as typed, once every field has passed its rules; null until then.</summary>
    private FindingInput? Typed() =>
        ModelState.IsValid && FormText.Read(Location) is { } location && FormText.Read(Description) is { } description
        && FormChoices.Read<ConsistencyGrade>(Consistency) is { } grade
            ? new FindingInput(location, description, grade)
            : null;
}
