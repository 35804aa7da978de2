using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>
/// An internal review: the day it was asked for (due 20 working days later, 40 at the most), the day it was answered
/// and what it decided.
/// </summary>
internal sealed class ReviewModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the date the internal review was asked for, for example " + FormDates.Example)]
    [Date("the date the review was asked for")]
    public string? ReviewRequestedOn { get; set; }

    [BindProperty]
    [Date("the date the review was answered")]
    public string? ReviewAnsweredOn { get; set; }

    [BindProperty]
    [OptionalChoice<FoiReviewOutcome>]
    public string? ReviewOutcome { get; set; }

    /// <summary>What the review decided, or that it is not answered yet: a choice made by mistake can be taken back.</summary>
    public static IReadOnlyList<Choice> Outcomes { get; } = [.. FoiWords.ReviewOutcomes, new("", "Not answered yet", "The review is still awaited")];

    protected override IReadOnlyList<string> Fields { get; } = [nameof(ReviewRequestedOn), nameof(ReviewAnsweredOn), nameof(ReviewOutcome)];

    protected override string Done => "review";

    protected override void Fill(FoiRequest request)
    {
        ReviewRequestedOn = FormDates.Value(request.ReviewRequestedOn);
        ReviewAnsweredOn = FormDates.Value(request.ReviewAnsweredOn);
        ReviewOutcome = request.ReviewOutcome?.ToString();
    }

    protected override Action<FoiRequest> Read()
    {
        var requested = FormDates.Parse(ReviewRequestedOn);
        var answered = FormDates.Parse(ReviewAnsweredOn);
        // That an answered review needs what it decided, and what it decided its date, is the book's rule: its refusal
        // comes back by the field at fault.
        var outcome = FormChoices.Read<FoiReviewOutcome>(ReviewOutcome);
        return request =>
        {
            request.ReviewRequestedOn = requested;
            request.ReviewAnsweredOn = answered;
            request.ReviewOutcome = outcome;
        };
    }
}
