using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
    [Choice<HomeOfficeEventKind>("Choose what the Home Office did")]
    public string? Kind { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the day it happened")]
    [PastDate("the day it happened")]
    public string? OccurredOn { get; set; }

    /// <summary>Asked of a rule 35 report only.</summary>
    [BindProperty]
    [OneOf("Choose the paragraph of rule 35 the report was made under", "1", "2", "3")]
    public string? Paragraph { get; set; }

    /// <summary>Asked of an Adults at Risk decision and a detention review only.</summary>
    [BindProperty]
    [Choice<DetentionDecision>("Choose what was decided")]
    public string? Decision { get; set; }

    /// <summary>Asked of a second opinion only.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter who wrote the second opinion")]
    [TextLength(200, "The author's name")]
    public string? Author { get; set; }

    [BindProperty]
    [TextLength(5000, "The note")]
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
                saved.Rule35Paragraph?.ToString(CultureInfo.InvariantCulture), saved.Decision?.ToString(), saved.SecondOpinionAuthor, saved.Note);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return Refused();
        }
        var kind = FormChoices.Read<HomeOfficeEventKind>(Kind);
        // The form shows every question; what this kind of event does not ask is neither checked nor kept.
        var paragraph = ModelState.Asked(nameof(Paragraph), kind is HomeOfficeEventKind.Rule35Report, Paragraph);
        var decision = ModelState.Asked(nameof(Decision), kind is HomeOfficeEventKind.AdultsAtRiskDecision or HomeOfficeEventKind.DetentionReview, Decision);
        var author = ModelState.Asked(nameof(Author), kind is HomeOfficeEventKind.SecondOpinionReceived, Author);
        if (!ModelState.IsValid || kind is not { } chosen || FormDates.Parse(OccurredOn) is not { } occurredOn)
        {
            return Page();
        }
        var input = new HomeOfficeEventInput(chosen, occurredOn, paragraph is null ? null : int.Parse(paragraph, CultureInfo.InvariantCulture),
            FormChoices.Read<DetentionDecision>(decision), FormText.Read(author), FormText.Read(Note));
        return await SavedAsync(await book.SaveHomeOfficeEventAsync(Opened, Event, input, cancellationToken), _ => "home-office", cancellationToken);
    }
}
