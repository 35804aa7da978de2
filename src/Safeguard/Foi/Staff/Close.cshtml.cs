using Microsoft.AspNetCore.Mvc;
using Safeguard.Foi.Requests;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Foi.Staff;

/// <summary>Closing a request: nothing more will be done about it; its deadlines and reminders stop.</summary>
internal sealed class CloseModel(FoiRequestBook book) : FoiStageModel(book)
{
    [BindProperty]
    [Date("the date it was closed")]
    public string? ClosedOn { get; set; }

    protected override IReadOnlyList<string> Fields { get; } = [nameof(ClosedOn)];

    protected override string Done => "close";

    protected override void Fill(FoiRequest request) => ClosedOn = FormDates.Value(request.ClosedOn);

    protected override Action<FoiRequest> Read()
    {
        var closed = FormDates.Parse(ClosedOn);
        return request => request.ClosedOn = closed;
    }
}
