using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Detention;

/// <summary>A stay in a place of detention: added, or changed (to record the day it ended, or a transfer).</summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class DetentionModel(CaseAccess access, CaseBook book, CaseworkDbContext db, PlacesOfDetention places, TimeProvider time) : CasePageModel(access, time)
{
    /// <summary>The episode being changed; none to add one.</summary>
    [FromRoute]
    public int? Episode { get; set; }

    /// <summary>One of <see cref="CasePageModel.Centres"/>, checked by the handler once they are loaded.</summary>
    [BindProperty]
    public string? Centre { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the day they arrived")]
    [PastDate("the day they arrived")]
    public string? From { get; set; }

    [BindProperty]
    [PastDate("the day they left")]
    public string? To { get; set; }

    /// <summary>Asked once the stay has ended, that is once <see cref="To"/> is a day they left.</summary>
    [BindProperty]
    [Choice<EpisodeEnd>("Choose how the stay ended")]
    public string? EndedBy { get; set; }

    protected override async Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) =>
        Episode is { } id && !await book.HoldsEpisodeAsync(Opened, id, cancellationToken) ? RecordOnCase.Episode : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(Episode is null ? "detention form" : $"detention episode {Episode} form", cancellationToken))
        {
            return Refused();
        }
        if (Episode is { } id)
        {
            var episode = await db.Episodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.ClientId == Opened.ClientId, cancellationToken);
            if (episode is null)
            {
                return await DeletedMeanwhileAsync(cancellationToken);
            }
            (Centre, From, To, EndedBy) = (episode.CentreSlug, FormDates.Value(episode.From), FormDates.Value(episode.To), episode.EndedBy?.ToString());
        }
        await LoadCentresAsync(places, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return Refused();
        }
        await LoadCentresAsync(places, cancellationToken);
        RequireCentre(Centre, "Choose the place of detention");
        var left = ModelState.GetFieldValidationState(nameof(To)) is ModelValidationState.Invalid ? null : FormDates.Parse(To);
        if (left is null)
        {
            // A stay not known to have ended has no end to say.
            ModelState.Remove(nameof(EndedBy));
        }
        else if (FormDates.Parse(From) is { } arrived && left < arrived)
        {
            ModelState.AddModelError(nameof(To), "The day they left must be the same as or after the day they arrived");
        }
        if (Typed() is not { } episode)
        {
            return Page();
        }
        return await SavedAsync(await book.SaveEpisodeAsync(Opened, Episode, episode, cancellationToken), _ => "detention", cancellationToken);
    }

    /// <summary>The stay as typed, once every field has passed its rules (the Centre as well); null until then.</summary>
    private EpisodeInput? Typed() =>
        ModelState.IsValid && Centre is { } centre && FormDates.Parse(From) is { } from
            ? new EpisodeInput(centre, from, FormDates.Parse(To), FormChoices.Read<EpisodeEnd>(EndedBy))
            : null;
}
