using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Parliament.Register;

namespace Safeguard.Parliament.YourMp;

/// <summary>
/// /parliament/your-mp: a postcode in (GET, so the answer has an address and needs no JavaScript), the constituency,
/// MP and their place in the group out; for an MP outside the group, a letter to edit and send. The letter's forms
/// carry the constituency's code, never the postcode, and starting one is counted by constituency and day only.
/// </summary>
[EnableRateLimiting(ParliamentModule.YourMpRateLimit)]
internal sealed class YourMpModel(YourMpLookup lookup, LettersStarted letters) : PageModel
{
    public const string PostcodeField = "postcode";

    public const string LetterField = "letter";

    /// <summary>What was typed, shown again in the field.</summary>
    public string? Postcode { get; private set; }

    public YourMpAnswer? Answer { get; private set; }

    /// <summary>The opening the letter starts from, if the person starts one.</summary>
    public int Opening { get; private set; }

    /// <summary>The letter being edited (after "Write to ..."), or sent (after "Make the e-mail").</summary>
    public string? Letter { get; private set; }

    /// <summary>The letter as the person edited it, ready to send: its e-mail link holds their words.</summary>
    public bool Prepared { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = PostcodeField)] string? postcode, int? opening, CancellationToken cancellationToken)
    {
        Postcode = postcode;
        Opening = opening ?? Random.Shared.Next(MembershipLetter.OpeningCount);
        // An empty field sent is a question too (binding reads it as null): it is answered with what to enter.
        if (postcode is null && !Request.Query.ContainsKey(PostcodeField))
        {
            return;
        }
        Answer = await lookup.FindAsync(postcode, cancellationToken);
        var error = Answer.Outcome switch
        {
            YourMpOutcome.NotAPostcode when string.IsNullOrWhiteSpace(postcode) => "Enter your postcode, for example SW1A 1AA.",
            YourMpOutcome.NotAPostcode => "Enter a postcode in the shape SW1A 1AA: two to four letters and numbers, a space, then a number and two letters. You will find yours on a letter sent to your home.",
            YourMpOutcome.NotFound => $"We cannot find {Answer.Postcode!.Value.Display}. Check it against a letter sent to your home; a postcode new in the last few months may not be in our list yet, so try a neighbour's.",
            _ => null,
        };
        if (error is not null)
        {
            ModelState.AddModelError(PostcodeField, error);
        }
    }

    /// <summary>"Write to ...": counts a letter started in the constituency and shows the draft to edit.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? constituency, int opening, CancellationToken cancellationToken)
    {
        if (await NonMemberAsync(constituency, cancellationToken) is not { } mp)
        {
            return NotFound();
        }
        await letters.CountAsync(Answer!.ConstituencyCode!, cancellationToken);
        Opening = opening;
        Letter = MembershipLetter.Draft(opening, mp.Name, Answer.Constituency ?? "your constituency");
        return Page();
    }

    /// <summary>"Make the e-mail" without JavaScript: the edited letter written into the e-mail link and the page to print. Nothing is kept.</summary>
    public async Task<IActionResult> OnPostPrepareAsync(string? constituency, [FromForm(Name = LetterField)] string? letter, CancellationToken cancellationToken)
    {
        if (await NonMemberAsync(constituency, cancellationToken) is null)
        {
            return NotFound();
        }
        Letter = letter ?? "";
        if (string.IsNullOrWhiteSpace(letter))
        {
            ModelState.AddModelError(LetterField, "Write your letter: it is empty.");
            return Page();
        }
        Prepared = true;
        return Page();
    }

    private async Task<YourMpMember?> NonMemberAsync(string? constituency, CancellationToken cancellationToken)
    {
        if (constituency is null || !Constituencies.IsCode(constituency))
        {
            return null;
        }
        Answer = await lookup.SeatAsync(constituency, cancellationToken);
        return Answer.Mp is { InGroup: false } mp ? mp : null;
    }
}
