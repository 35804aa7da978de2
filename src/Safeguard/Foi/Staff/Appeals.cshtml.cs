using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>A complaint to the Information Commissioner and an appeal to the First-tier Tribunal, each with its decision.</summary>
internal sealed class AppealsModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    [Date("the date of the complaint")]
    public string? ComplaintToCommissionerOn { get; set; }

    [BindProperty]
    [Date("the date of the Commissioner's decision")]
    public string? CommissionerDecisionOn { get; set; }

    [BindProperty]
    [Date("the date of the appeal")]
    public string? TribunalAppealOn { get; set; }

    [BindProperty]
    [Date("the date of the tribunal's decision")]
    public string? TribunalDecisionOn { get; set; }

    protected override IReadOnlyList<string> Fields { get; } =
        [nameof(ComplaintToCommissionerOn), nameof(CommissionerDecisionOn), nameof(TribunalAppealOn), nameof(TribunalDecisionOn)];

    protected override string Done => "appeals";

    protected override void Fill(FoiRequest request)
    {
        ComplaintToCommissionerOn = FormDates.Value(request.ComplaintToCommissionerOn);
        CommissionerDecisionOn = FormDates.Value(request.CommissionerDecisionOn);
        TribunalAppealOn = FormDates.Value(request.TribunalAppealOn);
        TribunalDecisionOn = FormDates.Value(request.TribunalDecisionOn);
    }

    protected override Action<FoiRequest> Read()
    {
        var complained = FormDates.Parse(ComplaintToCommissionerOn);
        var decided = FormDates.Parse(CommissionerDecisionOn);
        var appealed = FormDates.Parse(TribunalAppealOn);
        var ruled = FormDates.Parse(TribunalDecisionOn);
        // A decision needs what it decided: checked once every date could be read, so that a mistyped one is not
        // reported as missing too.
        if (decided is not null && complained is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(ComplaintToCommissionerOn), "Enter the date of the complaint the Commissioner decided");
        }
        if (ruled is not null && appealed is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(TribunalAppealOn), "Enter the date of the appeal the tribunal decided");
        }
        return request =>
        {
            request.ComplaintToCommissionerOn = complained;
            request.CommissionerDecisionOn = decided;
            request.TribunalAppealOn = appealed;
            request.TribunalDecisionOn = ruled;
        };
    }
}
