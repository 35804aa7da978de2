using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// Withdrawing a referral that waits for triage: recorded twice, or withdrawn by the person or by whoever referred
/// them. The page (GET) asks first and says what happens; only its form (POST, with the antiforgery token every form
/// carries) withdraws it, with the reason chosen. It leaves the queue and stays on record as withdrawn. A referral
/// already accepted into a case, or declined, is not withdrawn, and the page says why. Nothing on it names anyone.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseSupervision)]
internal sealed class WithdrawModel(ReferralDesk desk) : PageModel
{
    [FromRoute]
    public int Referral { get; set; }

    [BindProperty]
    [Choice<WithdrawalReason>("Choose why the referral is withdrawn")]
    public string? Reason { get; set; }

    /// <summary>When it was recorded twice: the number of the referral that stays, the same one recorded the other time.</summary>
    [BindProperty]
    public string? SameAs { get; set; }

    public ReferralSummary Summary { get; private set; } = null!;

    public static IReadOnlyList<Choice> Reasons { get; } = FormInput.Options<WithdrawalReason>(CaseText.Withdrawal, reason => reason switch
    {
        WithdrawalReason.RecordedTwice => "The same referral came in two ways, or was entered twice: give the number of the other, which stays",
        WithdrawalReason.WithdrawnByThePerson => "They no longer want the charity's help",
        _ => "Whoever referred them asked for the referral to be withdrawn",
    });

    /// <summary>Why the referral cannot be withdrawn, when it cannot (the page then has no form).</summary>
    public string? Refusal => Summary switch
    {
        { Status: TriageStatus.Waiting } => null,
        { CaseNumber: { } caseNumber } => $"It was accepted: case {caseNumber} was opened from it, and holds what has been done since. The referral stays on record as how the case began; record on the case what has become of it instead.",
        { WithdrawalReason: { } reason, SameAs: var sameAs } => $"It was withdrawn already: {CaseText.Withdrawn(reason, sameAs)}.",
        { DeclineReason: { } reason } => $"It was declined at triage ({CaseText.Decline(reason).ToLowerInvariant()}): it has left the queue already, and the decision stays on record.",
        _ => "It has left the queue already.",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Refusal is not null)
        {
            // The page says why and has no form, so nothing sent is to be corrected.
            ModelState.Clear();
            return Page();
        }
        var reason = FormChoices.Read<WithdrawalReason>(Reason);
        var sameAs = reason == WithdrawalReason.RecordedTwice ? await ReadSameAsAsync(cancellationToken) : NoSameAs();
        if (!ModelState.IsValid || reason is not { } withdrawal)
        {
            return Page();
        }
        if (await desk.WithdrawAsync(Referral, withdrawal, sameAs, cancellationToken))
        {
            return LocalRedirect($"{CaseworkPaths.Referrals}#triaged");
        }
        // Accepted or declined a moment before, or the referral that stays withdrawn itself: the page again, saying why.
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Refusal is null && sameAs is not null)
        {
            // Still waiting: the one it named was withdrawn itself meanwhile, which reading the number again says.
            await ReadSameAsAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>
    /// The referral that stays, when this one was recorded twice: another referral, not itself withdrawn (it may wait,
    /// or have been accepted or declined); null, with a message by the field, when there is no such referral.
    /// </summary>
    private async Task<int?> ReadSameAsAsync(CancellationToken cancellationToken)
    {
        var typed = SameAs?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return SameAsRefused("Enter the number of the referral that stays: the same referral, recorded the other time");
        }
        if (!int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var other))
        {
            return SameAsRefused("Enter the other referral’s number in digits, like 12");
        }
        if (other == Referral)
        {
            return SameAsRefused($"Enter the other referral’s number: this is referral {Referral}");
        }
        return await desk.SummaryAsync(other, cancellationToken) switch
        {
            null => SameAsRefused($"There is no referral {other}: enter the number of the one that stays"),
            { Status: TriageStatus.Withdrawn } => SameAsRefused($"Referral {other} was withdrawn itself: enter the number of the one that stays"),
            _ => other,
        };
    }

    /// <summary>Null, with a message by the field when a number was given for a referral not recorded twice.</summary>
    private int? NoSameAs() => string.IsNullOrWhiteSpace(SameAs)
        ? null
        : SameAsRefused("Give the number of the referral that stays only for a referral recorded twice, or choose Recorded twice");

    private int? SameAsRefused(string message)
    {
        ModelState.AddModelError(nameof(SameAs), message);
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(Referral, cancellationToken) is not { } summary)
        {
            return false;
        }
        Summary = summary;
        return true;
    }
}
