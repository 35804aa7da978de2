using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Accounts.Contracts;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// Triage of one referral: read it (recorded), then accept it (a case opens, with the staff chosen assigned to it),
/// decline it with a reason, or keep it waiting with a reason.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseSupervision)]
internal sealed class TriageModel(ReferralDesk desk, CaseAccess access, StaffDirectory staff, PlacesOfDetention places) : PageModel
{
    public const string Accept = "accept";
    public const string Attach = "attach";
    public const string Wait = "wait";
    public const string Decline = "decline";

    [FromRoute]
    public int Referral { get; set; }

    [BindProperty]
    [OneOf("Choose whether to accept, keep waiting or decline the referral", Accept, Attach, Wait, Decline)]
    public string? Decision { get; set; }

    [BindProperty]
    public List<string> Assign { get; set; } = [];

    /// <summary>"yes" when a supervisor accepting a referral confirms the person's agreement that was not confirmed when it was recorded.</summary>
    [BindProperty]
    public List<string> AgreementConfirmed { get; set; } = [];

    public static IReadOnlyList<Choice> AgreementOptions { get; } = [new("yes", "The person knows about this referral and agrees to it")];

    [BindProperty]
    public string? Tags { get; set; }

    /// <summary>Asked only to attach the referral to a case already open for the person: that case's number.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter the number of the person’s case, for example C-2024-00042")]
    public string? AttachTo { get; set; }

    /// <summary>Asked only to keep a referral waiting.</summary>
    [BindProperty]
    [Choice<WaitingReason>("Choose why the referral is kept waiting")]
    public string? WaitingReason { get; set; }

    /// <summary>Asked only to decline a referral.</summary>
    [BindProperty]
    [Choice<DeclineReason>("Choose why the referral is declined")]
    public string? DeclineReason { get; set; }

    public ReferralView View { get; private set; } = null!;

    /// <summary>Whether the decision sent was not saved because the referral was triaged or withdrawn a moment before.</summary>
    public bool Overtaken { get; private set; }

    public string? Centre { get; private set; }

    /// <summary>The name of the member of staff who recorded it; null for the public form.</summary>
    public string? RecordedBy { get; private set; }

    public IReadOnlyList<Choice> Staff { get; private set; } = [];

    /// <summary>The referrals withdrawn as recorded twice that name this one as the one that stays.</summary>
    public IReadOnlyList<int> RecordedAgainAs { get; private set; } = [];

    public static IReadOnlyList<Choice> Decisions { get; } =
        [new(Accept, "Accept: open a case"), new(Attach, "Accept into the person's existing case"), new(Wait, "Keep waiting"), new(Decline, "Decline")];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Staff = await staff.AssignableAsync();
        if (Assign.Any(a => Staff.All(s => s.Value != a)))
        {
            ModelState.AddModelError(nameof(Assign), "Choose staff from the list");
        }
        var tags = ModelState.Tags(nameof(Tags), Tags);
        var declined = FormChoices.Read<DeclineReason>(ModelState.Asked(nameof(DeclineReason), Decision == Decline, DeclineReason));
        var waiting = FormChoices.Read<WaitingReason>(ModelState.Asked(nameof(WaitingReason), Decision == Wait, WaitingReason));
        var attachTo = ModelState.Asked(nameof(AttachTo), Decision == Attach, AttachTo)?.Trim();
        var agreementConfirmedNow = AgreementConfirmed.Contains("yes");
        // Supervisors may open every case, so this finds any case; the number is checked before anything is written.
        var existing = attachTo is null ? null : await access.OpenAsync(CaseReader.Of(User), attachTo, null, cancellationToken);
        if (attachTo is not null && existing is null)
        {
            ModelState.AddModelError(nameof(AttachTo), "There is no case with that number: enter it as it is written on the case, for example C-2024-00042");
        }
        if (Decision is Accept or Attach && !agreementConfirmedNow && await desk.AwaitsAgreementAsync(Referral, cancellationToken))
        {
            ModelState.AddModelError(nameof(AgreementConfirmed), "Confirm that the person knows about this referral and agrees to it before accepting it, or keep it waiting");
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        if (Decision == Accept && await desk.AcceptAsync(Referral, Assign, tags, agreementConfirmedNow, cancellationToken) is { } caseNumber)
        {
            return LocalRedirect(CaseworkPaths.Case(caseNumber));
        }
        if (existing is not null && await desk.AttachAsync(Referral, existing, agreementConfirmedNow, cancellationToken))
        {
            return LocalRedirect(CaseworkPaths.Case(existing.CaseNumber));
        }
        if (Decision is Wait or Decline && await desk.DecideAsync(Referral, declined, waiting, cancellationToken))
        {
            return LocalRedirect(CaseworkPaths.Referrals);
        }
        // Accepted, declined or withdrawn a moment before (by a colleague, or by this form sent twice): the page
        // again, saying what happened, with nothing of this decision written.
        if (!await LoadAsync(cancellationToken) || View.Summary.Status == TriageStatus.Waiting)
        {
            return NotFound();
        }
        Overtaken = true;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await desk.ReadAsync(Referral, cancellationToken) is not { } view)
        {
            return false;
        }
        View = view;
        Centre = view.Sent.CentreSlug is { } slug ? (await places.ListAsync(cancellationToken)).FirstOrDefault(p => p.Slug == slug)?.Name ?? slug : null;
        Staff = await staff.AssignableAsync();
        RecordedBy = view.Summary.RecordedBy is { } recorder ? (await staff.NamesAsync([recorder]))[recorder] : null;
        RecordedAgainAs = await desk.RecordedAgainAsAsync(Referral, cancellationToken);
        return true;
    }
}
