using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// A referral that came by telephone, letter, e-mail or in person, recorded by a caseworker or a supervisor: the public
/// form's fields (the shared <see cref="ReferralFormModel"/>), in staff's words, with how it came, the day it came
/// (today unless it came earlier, never later) and whether the person's agreement is confirmed yet. Saved encrypted,
/// with its audit entry, it waits for triage like any other; the confirmation that follows gives its number and
/// nothing about anyone.
/// </summary>
[Authorize(Policy = StaffPolicies.ReferralIntake)]
internal sealed class RecordReferralModel(ReferralDesk desk, PlacesOfDetention places, TimeProvider time) : ReferralFormModel(places), IOrderedForm
{
    /// <summary>The answer recorded when the person knows about the referral and agrees to it.</summary>
    public const string Agreed = "yes";

    /// <summary>The answer recorded when the person's agreement is not confirmed yet.</summary>
    public const string NotConfirmed = "not-yet";

    /// <summary>One of the ways staff record (<see cref="ChannelOptions"/>): the public form records itself.</summary>
    [BindProperty]
    [OneOf("Choose how the referral came in", nameof(ReferralChannel.Telephone), nameof(ReferralChannel.Letter), nameof(ReferralChannel.Email),
        nameof(ReferralChannel.InPerson), nameof(ReferralChannel.Other))]
    public string? Channel { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date the referral was received")]
    [PastDate("the date received")]
    public string? ReceivedOn { get; set; }

    [BindProperty]
    [OneOf("Say whether the person knows about this referral and agrees to it", Agreed, NotConfirmed)]
    public string? Consent { get; set; }

    public override ReferralWording Wording => Words;

    /// <summary>As the form shows them: how and when it came, the shared fields, then the person's agreement.</summary>
    public IReadOnlyList<string> FieldOrder => Order;

    private static readonly IReadOnlyList<string> Order =
        [nameof(Channel), nameof(ReceivedOn), .. FormErrors.BoundFields(typeof(ReferralFormModel)), nameof(Consent)];

    /// <summary>The ways staff record; the public form records itself.</summary>
    public static IReadOnlyList<Choice> ChannelOptions { get; } =
        [.. FormInput.Options<ReferralChannel>(CaseText.Channel, c => c == ReferralChannel.InPerson ? "At a centre, at the office or elsewhere" : null).Where(c => c.Value != nameof(ReferralChannel.PublicForm))];

    public static IReadOnlyList<Choice> ConsentOptions { get; } =
    [
        new(Agreed, "Yes, the person knows about this referral and agrees to it"),
        new(NotConfirmed, "Not confirmed yet", "Triage will ask before a case is opened"),
    ];

    private static readonly ReferralWording Words = new(
        ReferrerHeading: "Who referred them",
        ReferrerLegend: "Who made the referral?",
        ReferrerMissing: "Choose who made the referral",
        ReferrerNameLabel: "The referrer’s name",
        ReferrerNameMissing: "Enter the referrer’s name",
        ReferrerNameWhat: "The referrer’s name",
        OrganisationLabel: "Their organisation (optional)",
        ContactMissing: "Enter the referrer’s e-mail address or telephone number, so that we can contact them",
        ConcernLabel: "What is the concern about their health?",
        ConcernHint: "In the referrer’s words where you can: for example injuries, scars from torture, thoughts of suicide, an illness not treated. Up to 5,000 characters.",
        ConcernMissing: "Enter the concern about the person’s health");

    /// <summary>The form, with today as the day it came.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ReceivedOn = FormDates.Value(Today);
        await LoadCentresAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadCentresAsync(cancellationToken);
        var referral = ReadReferral();
        if (referral is null || !ModelState.IsValid
            || FormChoices.Read<ReferralChannel>(Channel) is not { } channel || FormDates.Parse(ReceivedOn) is not { } receivedOn)
        {
            return Page();
        }
        var id = await desk.ReceiveAsync(referral, ReferralArrival.RecordedByStaff(channel, receivedOn, Consent == Agreed), cancellationToken);
        return LocalRedirect(CaseworkPaths.ReferralRecorded(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
