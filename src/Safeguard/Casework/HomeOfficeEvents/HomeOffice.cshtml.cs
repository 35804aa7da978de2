using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.HomeOfficeEvents;

/// <summary>
/// Something the Home Office did, on the day it did it: a rule 35 report or response, an Adults at Risk decision, a
/// second opinion requested or received, a detention review, a decision to release or remove. Added, or changed to
/// correct it (the same form, filled in with what was saved); the clocks are computed from what is saved.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class HomeOfficeModel(CaseAccess access, CaseBook book, CaseReading reading, TimeProvider time) : CasePageModel(access, time)
{
    /// <summary>The event being changed; none to add one.</summary>
    [FromRoute]
    public int? Event { get; set; }

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

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) =>
        Event is { } id && !await book.HoldsHomeOfficeEventAsync(Opened, id, cancellationToken) ? RecordOnCase.HomeOfficeEvent : null;

    public static IReadOnlyList<Choice> Paragraphs { get; } =
        [new("1", "35(1)", "Health likely to be injuriously affected by detention"), new("2", "35(2)", "Suspected suicidal intentions"), new("3", "35(3)", "Concern that the person may have been a victim of torture")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(Event is null ? "Home Office event form" : $"Home Office event {Event} form", cancellationToken))
        {
            return Refused();
        }
        if (Event is { } id)
        {
            if ((await reading.ReadAsync(Opened, cancellationToken)).HomeOfficeEvents.SingleOrDefault(e => e.Id == id) is not { } saved)
            {
                return await DeletedMeanwhileAsync(cancellationToken);
            }
            (Kind, OccurredOn, Paragraph, Decision, Author, Note) = (saved.Kind.ToString(), FormDates.Value(saved.OccurredOn),
                saved.Rule35Paragraph?.ToString(System.Globalization.CultureInfo.InvariantCulture), saved.Decision?.ToString(), saved.SecondOpinionAuthor, saved.Note);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return Refused();
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
        return await SavedAsync(await book.SaveHomeOfficeEventAsync(Opened, Event, new HomeOfficeEventInput(kind!.Value, occurredOn!.Value, paragraph, decision, author, note), cancellationToken),
            _ => "home-office", cancellationToken);
    }
}
