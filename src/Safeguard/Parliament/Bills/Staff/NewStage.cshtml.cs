using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Parliament.Register;
using Safeguard.Parliament.Staff;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Parliament.Bills.Staff;

/// <summary>One of the stages a bill goes through as Parliament names them, kept as its name: the public page shows it so.</summary>
internal sealed class StageNameAttribute() : OfferedAnswerAttribute("Choose the stage, or Fell if the bill went no further", Names)
{
    public static IReadOnlyList<string> Names { get; } =
        ["First reading", "Second reading", "Committee stage", "Report stage", "Third reading", "Consideration of amendments", "Royal Assent", "Fell"];
}

/// <summary>Recording a stage of a bill in one House, from first reading to Royal Assent, or the day it fell.</summary>
internal sealed class NewStageModel(BillBook book) : PageModel
{
    public static IReadOnlyList<Choice> Houses { get; } =
        [new(nameof(Register.House.Commons), BillWords.House(Register.House.Commons)), new(nameof(Register.House.Lords), BillWords.House(Register.House.Lords))];

    public static IReadOnlyList<Choice> Stages { get; } = [.. StageNameAttribute.Names.Select(s => new Choice(s, s))];

    public Bill Current { get; private set; } = null!;

    [BindProperty]
    [Choice<House>("Choose the House the stage was in")]
    public string? House { get; set; }

    [BindProperty]
    [StageName]
    public string? Stage { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date of the stage as day/month/year, for example " + FormDates.Example)]
    [Date("the date of the stage")]
    public string? Date { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || FormChoices.Read<House>(House) is not { } house || FormText.Read(Stage) is not { } stage || FormDates.Parse(Date) is not { } date)
        {
            return Page();
        }
        return await book.AddStageAsync(Current.Id, house, stage, date, cancellationToken)
            ? LocalRedirect($"{ParliamentStaffPaths.Bill(slug)}#stages")
            : NotFound();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await book.ReadAsync(slug, forPublic: false, cancellationToken) is not { } view)
        {
            return false;
        }
        Current = view.Bill;
        return true;
    }
}
