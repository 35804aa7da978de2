using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>A complaint to the Information Commissioner and an appeal to the First-tier Tribunal, each with its decision.</summary>
internal sealed class AppealsModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    public string? ComplaintToCommissionerOn { get; set; }

    [BindProperty]
    public string? CommissionerDecisionOn { get; set; }

    [BindProperty]
    public string? TribunalAppealOn { get; set; }

    [BindProperty]
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
        var complained = ReadDate(nameof(ComplaintToCommissionerOn), ComplaintToCommissionerOn, "the date of the complaint");
        var decided = ReadDate(nameof(CommissionerDecisionOn), CommissionerDecisionOn, "the date of the Commissioner's decision");
        var appealed = ReadDate(nameof(TribunalAppealOn), TribunalAppealOn, "the date of the appeal");
        var ruled = ReadDate(nameof(TribunalDecisionOn), TribunalDecisionOn, "the date of the tribunal's decision");
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
