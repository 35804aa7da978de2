using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// The words of a referral form that depend on who fills it in: the referrer themselves on the public form ("your
/// name"), or a member of staff recording what a referrer said ("the referrer's name").
/// </summary>
internal sealed record ReferralWording(
    string ReferrerHeading,
    string ReferrerLegend,
    string ReferrerMissing,
    string ReferrerNameLabel,
    string ReferrerNameMissing,
    string ReferrerNameWhat,
    string OrganisationLabel,
    string ContactMissing,
    string ConcernLabel,
    string ConcernHint,
    string ConcernMissing);

/// <summary>
/// The fields a referral has wherever it comes from, read and checked once for both forms that take one (the public
/// form at /refer and staff recording one that came another way): who referred, how to contact them, the person,
/// where they are held, the concern and its urgency. Each form adds its own questions, and renders these with
/// <c>_ReferralFields.cshtml</c> beside this file.
/// </summary>
internal abstract class ReferralFormModel(PlacesOfDetention places) : PageModel
{
    /// <summary>The shared fields' partial, by path: it lives with this class, not in a folder pages search.</summary>
    public const string FieldsPartial = "/Casework/Referrals/_ReferralFields.cshtml";

    [BindProperty]
    [ChoiceInReferralWords<ReferrerKind>(nameof(ReferralWording.ReferrerMissing))]
    public string? ReferrerKind { get; set; }

    [BindProperty]
    [RequiredInReferralWords(nameof(ReferralWording.ReferrerNameMissing))]
    [TextLengthInReferralWords(200, nameof(ReferralWording.ReferrerNameWhat))]
    public string? ReferrerName { get; set; }

    [BindProperty]
    [TextLength(200, "The organisation")]
    public string? Organisation { get; set; }

    /// <summary>An address as <see cref="MailAddress"/> reads one; with <see cref="Telephone"/>, one of them is needed.</summary>
    [BindProperty]
    [TextLength(254, "The e-mail address")]
    public string? Email { get; set; }

    [BindProperty]
    [TextLength(40, "The telephone number")]
    [RegularExpression(@"[\d +()-]*", ErrorMessage = "Enter a telephone number using digits, spaces and + ( ) - only, like 020 7946 0000")]
    public string? Telephone { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the name of the person detained")]
    [TextLength(200, "Their name")]
    public string? PersonName { get; set; }

    [BindProperty]
    [PastDate("their date of birth")]
    public string? DateOfBirth { get; set; }

    [BindProperty]
    [TextLength(100, "Their nationality")]
    public string? Nationality { get; set; }

    [BindProperty]
    [TextLength(200, "Their languages")]
    public string? Languages { get; set; }

    [BindProperty]
    [TextLength(40, "The Home Office reference")]
    public string? HomeOfficeReference { get; set; }

    /// <summary>One of <see cref="Centres"/> or none, checked by <see cref="ReadReferral"/> once they are loaded.</summary>
    [BindProperty]
    public string? Centre { get; set; }

    [BindProperty]
    [RequiredInReferralWords(nameof(ReferralWording.ConcernMissing))]
    [TextLength(5000, "The concern")]
    public string? Concern { get; set; }

    [BindProperty]
    [Choice<Urgency>("Choose how urgent the referral is")]
    public string? Urgency { get; set; }

    /// <summary>The places of detention to choose from, once loaded.</summary>
    public IReadOnlyList<Choice> Centres { get; private set; } = [];

    /// <summary>This form's words.</summary>
    public abstract ReferralWording Wording { get; }

    public static IReadOnlyList<Choice> UrgencyOptions { get; } =
        [new(nameof(Referrals.Urgency.Routine), "Routine"), new(nameof(Referrals.Urgency.Urgent), "Urgent", "A removal date is set, or the person’s health is at serious risk now")];

    /// <summary>Loads the places of detention the form offers.</summary>
    protected async Task LoadCentresAsync(CancellationToken cancellationToken) =>
        Centres = (await places.ListAsync(cancellationToken)).ToChoices();

    /// <summary>
    /// The referral as typed, once every field has passed its rules (the page's own too) and those that need the places
    /// loaded or read two fields: a known place, and an e-mail address or a telephone number; otherwise null.
    /// </summary>
    protected ReferralInput? ReadReferral()
    {
        var email = FormText.Read(Email);
        var telephone = FormText.Read(Telephone);
        if (email is not null && ModelState.ErrorFor(nameof(Email)) is null && !MailAddress.TryCreate(email, out _))
        {
            ModelState.AddModelError(nameof(Email), "Enter an e-mail address in the right form, like name@example.org");
        }
        if (email is null && telephone is null)
        {
            ModelState.AddModelError(nameof(Email), Wording.ContactMissing);
        }
        if (!string.IsNullOrEmpty(Centre) && Centres.All(c => c.Value != Centre))
        {
            ModelState.AddModelError(nameof(Centre), "Choose the place of detention from the list, or Not known");
        }
        return ModelState.IsValid && FormChoices.Read<ReferrerKind>(ReferrerKind) is { } referrer && FormText.Read(ReferrerName) is { } named
            && FormText.Read(PersonName) is { } detained && FormText.Read(Concern) is { } concerned && FormChoices.Read<Urgency>(Urgency) is { } urgent
            ? new ReferralInput(referrer, named, FormText.Read(Organisation), string.Join("; ", new[] { email, telephone }.OfType<string>()), detained,
                FormDates.Parse(DateOfBirth), FormText.Read(Nationality), FormText.Read(Languages), FormText.Read(HomeOfficeReference),
                string.IsNullOrEmpty(Centre) ? null : Centre, concerned, urgent)
            : null;
    }
}
