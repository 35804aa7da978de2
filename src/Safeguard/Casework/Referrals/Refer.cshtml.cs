using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Platform;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Referrals;

/// <summary>
/// The public referral form, for lawyers, visitor groups, other organisations and detained people themselves. It
/// needs no account, carries an antiforgery token, is rate-limited per address, works over HTTPS only (it carries
/// health data), and answers every accepted referral with the same page, which says what happens next and nothing
/// about anyone. Its fields are the shared <see cref="ReferralFormModel"/>'s, in the referrer's own words, and the
/// person's consent, without which it takes nothing.
/// </summary>
[EnableRateLimiting(CaseworkModule.ReferralRateLimit)]
[AllowAnonymous]
internal sealed class ReferModel(ReferralDesk desk, PlacesOfDetention places, PublicAddress address) : ReferralFormModel(places)
{
    [BindProperty]
    public List<string> Consent { get; set; } = [];

    public override ReferralWording Wording => Words;

    public static IReadOnlyList<Choice> ConsentOptions { get; } = [new("yes", "The person knows about this referral and agrees to it")];

    private static readonly ReferralWording Words = new(
        ReferrerHeading: "About you",
        ReferrerLegend: "Who are you?",
        ReferrerMissing: "Choose who you are",
        ReferrerNameLabel: "Your name",
        ReferrerNameMissing: "Enter your name",
        ReferrerNameWhat: "Your name",
        OrganisationLabel: "Your organisation (optional)",
        ContactMissing: "Enter an e-mail address or a telephone number, so that we can contact you",
        ConcernLabel: "What worries you about their health?",
        ConcernHint: "For example injuries, scars from torture, thoughts of suicide, an illness not treated. Up to 5,000 characters.",
        ConcernMissing: "Tell us what worries you about the person’s health");

    /// <summary>
    /// The form, over HTTPS only; its antiforgery token already makes the response no-store. Over HTTP a browser would
    /// refuse the form's <c>__Host-</c> antiforgery cookie, and the person would be typing health data into a page
    /// sent in clear, so the address is sent on to its HTTPS twin: the public address when that is HTTPS, else the
    /// same host.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Request.IsHttps)
        {
            return Redirect(address.Configured is { } configured && configured.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? configured + CaseworkPaths.Refer
                : UriHelper.BuildAbsolute("https", Request.Host, Request.PathBase, Request.Path));
        }
        await LoadCentresAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Request.IsHttps)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        await LoadCentresAsync(cancellationToken);
        var referral = ReadReferral();
        if (!Consent.Contains("yes"))
        {
            ModelState.AddModelError(nameof(Consent), "Confirm that the person knows about this referral and agrees to it");
        }
        if (referral is null || !ModelState.IsValid)
        {
            return Page();
        }
        await desk.ReceiveAsync(referral, ReferralArrival.PublicForm, cancellationToken);
        return LocalRedirect(CaseworkPaths.ReferralSent);
    }
}
