using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Records;

namespace Safeguard.Casework.Cases;

/// <summary>
/// Something the Home Office did, on the day it did it: a rule 35 report or response, an Adults at Risk decision, a
/// second opinion requested or received, a detention review, a decision to release or remove.
/// </summary>
internal sealed class HomeOfficeModel(CaseAccess access, CaseBook book, TimeProvider time) : CasePageModel(access, time)
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? OccurredOn { get; set; }

    [BindProperty]
    public string? Paragraph { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Author { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public static IReadOnlyList<Forms.Choice> Paragraphs { get; } =
        [new("1", "35(1)", "Health likely to be injuriously affected by detention"), new("2", "35(2)", "Suspected suicidal intentions"), new("3", "35(3)", "Concern that the person may have been a victim of torture")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await OpenAsync("Home Office event form", cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NotFound();
        }
        var kind = ModelState.Choice<HomeOfficeEventKind>(nameof(Kind), Kind, "Choose what the Home Office did");
        var occurredOn = ModelState.Date(nameof(OccurredOn), OccurredOn, "Enter the day it happened", "the day it happened", Today);
        int? paragraph = null;
        if (kind == HomeOfficeEventKind.Rule35Report)
        {
            paragraph = Paragraph switch { "1" => 1, "2" => 2, "3" => 3, _ => null };
            if (paragraph is null)
            {
                ModelState.AddModelError(nameof(Paragraph), "Choose the paragraph of rule 35 the report was made under");
            }
        }
        var decision = kind is HomeOfficeEventKind.AdultsAtRiskDecision or HomeOfficeEventKind.DetentionReview
            ? ModelState.Choice<DetentionDecision>(nameof(Decision), Decision, "Choose what was decided")
            : null;
        var author = kind == HomeOfficeEventKind.SecondOpinionReceived
            ? ModelState.Text(nameof(Author), Author, "Enter who wrote the second opinion", 200, "The author's name")
            : null;
        var note = ModelState.Text(nameof(Note), Note, null, 5000, "The note");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await book.AddHomeOfficeEventAsync(Opened, new HomeOfficeEventInput(kind!.Value, occurredOn!.Value, paragraph, decision, author, note), cancellationToken);
        return BackToCase("home-office");
    }
}
