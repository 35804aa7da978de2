using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Parliament.Register;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>
/// The form of an amendment, new or changed: bound as text to be shown again, and read typed (<see cref="Read"/>) once
/// its rules pass. The mover and supporters are typed as the register names them, supporters one a line.
/// </summary>
internal abstract class AmendmentFormModel(BillBook book) : PageModel
{
    private const string WholeNumber = @"^\s*[0-9]{1,4}\s*$";

    public static IReadOnlyList<Choice> Outcomes { get; } =
    [
        new(nameof(AmendmentOutcome.Agreed), "Agreed"),
        new(nameof(AmendmentOutcome.NegativedOnDivision), "Negatived on a division"),
        new(nameof(AmendmentOutcome.Withdrawn), "Withdrawn after debate"),
        new(nameof(AmendmentOutcome.NotMoved), "Not moved"),
    ];

    public BillView View { get; private set; } = null!;

    protected BillBook Book { get; } = book;

    /// <summary>The bill's stages to choose from, by id.</summary>
    public IReadOnlyList<Choice> StageChoices { get; private set; } = [];

    [BindProperty]
    [TextLength(50, "The number")]
    public string? Number { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the clause it amends, for example Clause 5, or New clause")]
    [TextLength(100, "The clause")]
    public string? Clause { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter a short title, for example A 28-day time limit on immigration detention")]
    [TextLength(300, "The short title")]
    public string? ShortTitle { get; set; }

    [BindProperty]
    [TextLength(10000, "The text")]
    public string? Text { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter who moved it, as the register names them, for example Lord German")]
    [TextLength(200, "The mover's name")]
    public string? Mover { get; set; }

    [BindProperty]
    [TextLength(4000, "The list of supporters")]
    public string? Supporters { get; set; }

    /// <summary>One of the bill's stages by id, or blank before it is debated.</summary>
    [BindProperty]
    public string? Stage { get; set; }

    [BindProperty]
    [Date("the day it was debated")]
    public string? DebatedOn { get; set; }

    [BindProperty]
    [OptionalChoice<AmendmentOutcome>]
    public string? Outcome { get; set; }

    [BindProperty]
    [RegularExpression(WholeNumber, ErrorMessage = "Enter the votes for as a whole number, for example 120")]
    public string? VotesFor { get; set; }

    [BindProperty]
    [RegularExpression(WholeNumber, ErrorMessage = "Enter the votes against as a whole number, for example 180")]
    public string? VotesAgainst { get; set; }

    [BindProperty]
    [TextLength(500, "The address")]
    [Url(ErrorMessage = "Enter the debate's address in Hansard as a full web address, starting https://")]
    public string? DebateUrl { get; set; }

    [BindProperty]
    [YesNo("Choose whether we support it: only those we support are on the bill's public page")]
    public string? Supported { get; set; }

    /// <summary>Reads the bill (and its stages for the form); false when there is none.</summary>
    protected async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await Book.ReadAsync(slug, forPublic: false, cancellationToken) is not { } view)
        {
            return false;
        }
        View = view;
        StageChoices = [.. view.Stages.Select(s => new Choice(Invariant(s.Id), $"{BillWords.House(s.House)}: {s.Name}, {FormDates.Show(s.Date)}"))];
        return true;
    }

    /// <summary>The typed amendment, once its rules and those between its fields pass; null otherwise, with each fault by its field.</summary>
    protected AmendmentInput? Read()
    {
        int? stage = int.TryParse(Stage, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && View.Stages.Any(s => s.Id == id) ? id : null;
        if (FormText.Read(Stage) is not null && stage is null)
        {
            ModelState.AddModelError(nameof(Stage), "Choose one of this bill's stages, or none");
        }
        var outcome = FormChoices.Read<AmendmentOutcome>(Outcome);
        var debatedOn = FormDates.Parse(DebatedOn);
        int? votesFor = Votes(VotesFor), votesAgainst = Votes(VotesAgainst);
        if (outcome is not null && debatedOn is null && ModelState.ErrorFor(nameof(DebatedOn)) is null)
        {
            ModelState.AddModelError(nameof(DebatedOn), "Enter the day it was debated as day/month/year: an outcome is recorded for it");
        }
        if (outcome is AmendmentOutcome.Agreed or AmendmentOutcome.NegativedOnDivision)
        {
            if (outcome is AmendmentOutcome.NegativedOnDivision && VotesFor is null && ModelState.ErrorFor(nameof(VotesFor)) is null)
            {
                ModelState.AddModelError(nameof(VotesFor), "Enter the votes for: it was negatived on a division");
            }
            if ((outcome is AmendmentOutcome.NegativedOnDivision || votesFor is not null) && VotesAgainst is null && ModelState.ErrorFor(nameof(VotesAgainst)) is null)
            {
                ModelState.AddModelError(nameof(VotesAgainst), "Enter the votes against as well as those for");
            }
        }
        else if (FormText.Read(VotesFor) is not null || FormText.Read(VotesAgainst) is not null)
        {
            ModelState.AddModelError(nameof(VotesFor), "Leave the votes empty: only an amendment agreed or negatived on a division has them");
        }
        if (!ModelState.IsValid || FormText.Read(Clause) is not { } clause || FormText.Read(ShortTitle) is not { } shortTitle || FormText.Read(Mover) is not { } mover
            || FormChoices.Answer(Supported) is not { } supported)
        {
            return null;
        }
        return new AmendmentInput(FormText.Read(Number), clause, shortTitle, FormText.Read(Text), mover,
            [.. (Supporters ?? "").Split('\n').Select(FormText.Read).OfType<string>()],
            stage, debatedOn, outcome, votesFor, votesAgainst, FormText.Read(DebateUrl), supported);
    }

    /// <summary>Fills the form from an amendment recorded before.</summary>
    protected void Fill(Amendment amendment)
    {
        Number = amendment.Number;
        Clause = amendment.Clause;
        ShortTitle = amendment.ShortTitle;
        Text = amendment.Text;
        Mover = amendment.Mover.Name;
        Supporters = string.Join('\n', amendment.Supporters.Select(s => s.Parliamentarian.Name));
        Stage = amendment.StageId is { } stage ? Invariant(stage) : null;
        DebatedOn = amendment.DebatedOn is { } day ? FormDates.Value(day) : null;
        Outcome = amendment.Outcome?.ToString();
        VotesFor = amendment.VotesFor is { } ayes ? Invariant(ayes) : null;
        VotesAgainst = amendment.VotesAgainst is { } noes ? Invariant(noes) : null;
        DebateUrl = amendment.DebateUrl;
        Supported = FormChoices.Show(amendment.Supported);
    }

    /// <summary>Says which names the register lacks, by the mover's field or the supporters'.</summary>
    protected void Refuse(UnknownParliamentariansException unknown)
    {
        if (unknown.Names.Contains(FormText.Read(Mover)))
        {
            ModelState.AddModelError(nameof(Mover), "Write the mover as the register names them; not found, or found twice");
        }
        if (unknown.Names.Where(n => n != FormText.Read(Mover)).ToList() is { Count: > 0 } supporters)
        {
            ModelState.AddModelError(nameof(Supporters),
                $"Write each supporter as the register names them, one a line; not found, or found twice: {string.Join(", ", supporters)}");
        }
    }

    private static int? Votes(string? text) => int.TryParse(FormText.Read(text), NumberStyles.None, CultureInfo.InvariantCulture, out var votes) ? votes : null;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
