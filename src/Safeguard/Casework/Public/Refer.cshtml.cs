using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Records;
using Safeguard.Casework.Referrals;
using Safeguard.Statistics.Reading;

namespace Safeguard.Casework.Public;

/// <summary>
/// The public referral form, for lawyers, visitor groups, other organisations and detained people themselves. It
/// needs no account, carries an antiforgery token, is rate-limited per address, works over HTTPS only (it carries
/// health data), and answers every accepted referral with the same page, which says what happens next and nothing
/// about anyone.
/// </summary>
[EnableRateLimiting(CaseworkModule.ReferralRateLimit)]
internal sealed class ReferModel(ReferralDesk desk, PlacesOfDetention places, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? ReferrerKind { get; set; }

    [BindProperty]
    public string? YourName { get; set; }

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

    [BindProperty]
    public List<string> Consent { get; set; } = [];

    public IReadOnlyList<Forms.Choice> Centres { get; private set; } = [];

    public static IReadOnlyList<Forms.Choice> UrgencyOptions { get; } =
        [new(nameof(Records.Urgency.Routine), "Routine"), new(nameof(Records.Urgency.Urgent), "Urgent", "A removal date is set, or the person’s health is at serious risk now")];

    public static IReadOnlyList<Forms.Choice> ConsentOptions { get; } = [new("yes", "The person knows about this referral and agrees to it")];

    /// <summary>The form; its antiforgery token already makes the response no-store.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => Centres = await CentresAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Request.IsHttps)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Centres = await CentresAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var kind = ModelState.Choice<ReferrerKind>(nameof(ReferrerKind), ReferrerKind, "Choose who you are");
        var yourName = ModelState.Text(nameof(YourName), YourName, "Enter your name", 200, "Your name");
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
            ModelState.AddModelError(nameof(Email), "Enter an e-mail address or a telephone number, so that we can contact you");
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
        var concern = ModelState.Text(nameof(Concern), Concern, "Tell us what worries you about the person’s health", 5000, "What worries you");
        var urgency = ModelState.Choice<Urgency>(nameof(Urgency), Urgency, "Choose how urgent the referral is");
        if (!Consent.Contains("yes"))
        {
            ModelState.AddModelError(nameof(Consent), "Confirm that the person knows about this referral and agrees to it");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var contact = string.Join("; ", new[] { email, telephone }.Where(c => c is not null));
        await desk.ReceiveAsync(new ReferralInput(kind!.Value, yourName!, organisation, contact, person!, born, nationality, languages, reference,
            string.IsNullOrEmpty(Centre) ? null : Centre, concern!, urgency!.Value), viaPublicForm: true, cancellationToken);
        return LocalRedirect(CaseworkPaths.ReferralSent);
    }

    private async Task<IReadOnlyList<Forms.Choice>> CentresAsync(CancellationToken cancellationToken) =>
        [.. (await places.ListAsync(cancellationToken)).Select(p => new Forms.Choice(p.Slug, p.Name))];
}
