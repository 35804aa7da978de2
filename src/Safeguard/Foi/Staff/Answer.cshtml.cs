using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>The answer: its outcome, its date, and for a refusal (or an answer in part) the exemptions cited by section.</summary>
internal sealed class AnswerModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    [Choice<FoiOutcome>("Choose how the authority answered")]
    public string? Outcome { get; set; }

    [BindProperty]
    [Date("the date of the answer")]
    public string? AnsweredOn { get; set; }

    /// <summary>The sections ticked among the common ones.</summary>
    [BindProperty]
    public List<string> Exemptions { get; set; } = [];

    /// <summary>Other sections or subsections, typed: "s.40(2), s.27".</summary>
    [BindProperty]
    [TextLength(200, "Other sections")]
    public string? OtherExemptions { get; set; }

    protected override IReadOnlyList<string> Fields { get; } = [nameof(Outcome), nameof(AnsweredOn), nameof(Exemptions), nameof(OtherExemptions)];

    /// <summary>Other sections the form could not read leave the request's exemptions unread too.</summary>
    protected override IReadOnlyCollection<string> Unread() =>
        ModelState.ErrorFor(nameof(OtherExemptions)) is null ? base.Unread() : [.. base.Unread(), nameof(Exemptions)];

    protected override string Done => "answer";

    protected override void Fill(FoiRequest request)
    {
        Outcome = request.Outcome?.ToString();
        AnsweredOn = FormDates.Value(request.AnsweredOn);
        var cited = FoiExemptions.Split(request.Exemptions);
        Exemptions = [.. cited.Where(s => FoiExemptions.Common.Any(c => c.Section == s))];
        OtherExemptions = string.Join(", ", cited.Where(s => FoiExemptions.Common.All(c => c.Section != s)));
    }

    protected override Action<FoiRequest> Read()
    {
        var outcome = FormChoices.Read<FoiOutcome>(Outcome);
        var answered = FormDates.Parse(AnsweredOn);
        // Only an answer has a date: checked once the outcome and the date could be read.
        if (answered is null && outcome is not (null or FoiOutcome.NoAnswer) && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(AnsweredOn), $"Enter the date of the answer, for example {FormDates.Example}");
        }
        var cited = string.Join(", ", Exemptions.Where(e => FoiExemptions.Common.Any(c => c.Section == e)).Append(OtherExemptions ?? "").Where(e => e.Length > 0));
        return request =>
        {
            request.Outcome = outcome;
            request.AnsweredOn = answered;
            request.Exemptions = cited;
        };
    }
}
