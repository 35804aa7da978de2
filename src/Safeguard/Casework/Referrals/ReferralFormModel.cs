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
    public string? ReferrerKind { get; set; }

    [BindProperty]
    public string? ReferrerName { get; set; }

    [BindProperty]
    public string? Organisation { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Telephone { get; set; }

    [BindProperty]
    public string? PersonName { get; set; }

    [BindProperty]
    public string? DateOfBirth { get; set; }

    [BindProperty]
    public string? Nationality { get; set; }

    [BindProperty]
    public string? Languages { get; set; }

    [BindProperty]
    public string? HomeOfficeReference { get; set; }

    [BindProperty]
    public string? Centre { get; set; }

    [BindProperty]
    public string? Concern { get; set; }

    [BindProperty]
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
    /// Reads the shared fields (the places must be loaded), adding an error for each that is missing or wrong; the
    /// referral when every one of them is right, otherwise null. The page checks its own fields as well. Read here
    /// rather than by rules on the properties, since the messages are in the words of the form that asks
    /// (<see cref="Wording"/>).
    /// </summary>
    protected ReferralInput? ReadReferral(DateOnly today)
    {
        var errorsBefore = ModelState.ErrorCount;
        var kind = ModelState.Choice<ReferrerKind>(nameof(ReferrerKind), ReferrerKind, Wording.ReferrerMissing);
        var referrerName = ModelState.Text(nameof(ReferrerName), ReferrerName, Wording.ReferrerNameMissing, 200, Wording.ReferrerNameWhat);
        var organisation = ModelState.Text(nameof(Organisation), Organisation, null, 200, "The organisation");
        var email = ModelState.Text(nameof(Email), Email, null, 254, "The e-mail address");
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            ModelState.AddModelError(nameof(Email), "Enter an e-mail address in the right form, like name@example.org");
        }
        var telephone = ModelState.Text(nameof(Telephone), Telephone, null, 40, "The telephone number");
        if (telephone is not null && !telephone.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
        {
            ModelState.AddModelError(nameof(Telephone), "Enter a telephone number using digits, spaces and + ( ) - only, like 020 7946 0000");
        }
        if (string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Telephone))
        {
            ModelState.AddModelError(nameof(Email), Wording.ContactMissing);
        }
        var person = ModelState.Text(nameof(PersonName), PersonName, "Enter the name of the person detained", 200, "Their name");
        var born = ModelState.Date(nameof(DateOfBirth), DateOfBirth, null, "their date of birth", today);
        var nationality = ModelState.Text(nameof(Nationality), Nationality, null, 100, "Their nationality");
        var languages = ModelState.Text(nameof(Languages), Languages, null, 200, "Their languages");
        var reference = ModelState.Text(nameof(HomeOfficeReference), HomeOfficeReference, null, 40, "The Home Office reference");
        if (!string.IsNullOrEmpty(Centre) && Centres.All(c => c.Value != Centre))
        {
            ModelState.AddModelError(nameof(Centre), "Choose the place of detention from the list, or Not known");
        }
        var concern = ModelState.Text(nameof(Concern), Concern, Wording.ConcernMissing, 5000, "The concern");
        var urgency = ModelState.Choice<Urgency>(nameof(Urgency), Urgency, "Choose how urgent the referral is");
        if (ModelState.ErrorCount > errorsBefore
            || (kind, referrerName, person, concern, urgency) is not ({ } referrer, { } named, { } detained, { } concerned, { } urgent))
        {
            return null;
        }
        var contact = string.Join("; ", new[] { email, telephone }.Where(c => c is not null));
        return new ReferralInput(referrer, named, organisation, contact, detained, born, nationality, languages, reference,
            string.IsNullOrEmpty(Centre) ? null : Centre, concerned, urgent);
    }
}
