using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Data;
using Safeguard.Casework.Records;

namespace Safeguard.Casework.Cases;

/// <summary>One physical finding of an assessment: where on the body, what, and its Istanbul Protocol consistency grade.</summary>
internal sealed class FindingModel(CaseAccess access, CaseBook book, CaseworkDbContext db, TimeProvider time) : CasePageModel(access, time)
{
    [FromRoute]
    public int Assessment { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Consistency { get; set; }

    public static IReadOnlyList<Forms.Choice> Grades { get; } = FormInput.Options<ConsistencyGrade>(CaseText.Grade, grade => grade switch
    {
        ConsistencyGrade.NotConsistent => "The finding could not have been caused by the trauma described",
        ConsistencyGrade.ConsistentWith => "It could have been caused by the trauma described, but is non-specific",
        ConsistencyGrade.HighlyConsistentWith => "It could have been caused by the trauma described, and there are few other possible causes",
        ConsistencyGrade.TypicalOf => "It is usually found with this type of trauma, but there are other possible causes",
        _ => "It could not have been caused in any way other than that described",
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await OpenAsync($"physical finding form of assessment {Assessment}", cancellationToken) && await AssessmentOfCaseAsync(cancellationToken)
            ? Page()
            : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        var location = ModelState.Text(nameof(Location), Location, "Enter where on the body the finding is", 200, "Where the finding is");
        var description = ModelState.Text(nameof(Description), Description, "Describe the finding", 2000, "The description");
        var grade = ModelState.Choice<ConsistencyGrade>(nameof(Consistency), Consistency, "Choose how consistent the finding is with the account given");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await book.AddFindingAsync(Opened, Assessment, new FindingInput(location!, description!, grade!.Value), cancellationToken)
            ? BackToCase($"assessment-{Assessment}")
            : NotFound();
    }

    private Task<bool> AssessmentOfCaseAsync(CancellationToken cancellationToken) =>
        db.Assessments.AnyAsync(a => a.Id == Assessment && a.ClientId == Opened.ClientId, cancellationToken);
}
