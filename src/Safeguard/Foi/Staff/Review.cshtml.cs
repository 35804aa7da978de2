using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;

namespace Safeguard.Foi.Staff;

/// <summary>An internal review: the day it was asked for (due 20 working days later, 40 at the most) and the day it was answered.</summary>
internal sealed class ReviewModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    public string? ReviewRequestedOn { get; set; }

    [BindProperty]
    public string? ReviewAnsweredOn { get; set; }

    protected override IReadOnlyList<string> Fields { get; } = [nameof(ReviewRequestedOn), nameof(ReviewAnsweredOn)];

    protected override string Done => "review";

    protected override void Fill(FoiRequest request)
    {
        ReviewRequestedOn = Show(request.ReviewRequestedOn);
        ReviewAnsweredOn = Show(request.ReviewAnsweredOn);
    }

    protected override Action<FoiRequest> Read()
    {
        var requested = ReadDate(nameof(ReviewRequestedOn), ReviewRequestedOn, "the date the review was asked for");
        var answered = ReadDate(nameof(ReviewAnsweredOn), ReviewAnsweredOn, "the date the review was answered");
        if (requested is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(ReviewRequestedOn), "Enter the date the internal review was asked for, for example 14/08/2026");
        }
        return request =>
        {
            request.ReviewRequestedOn = requested;
            request.ReviewAnsweredOn = answered;
        };
    }
}
