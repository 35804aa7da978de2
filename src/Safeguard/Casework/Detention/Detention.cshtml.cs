using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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

    [BindProperty]
    public string? Centre { get; set; }

    [BindProperty]
    public string? From { get; set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
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
        var from = ModelState.Date(nameof(From), From, "Enter the day they arrived", "the day they arrived", Today);
        var to = ModelState.Date(nameof(To), To, null, "the day they left", Today);
        if (from is { } arrived && to is { } left && left < arrived)
        {
            ModelState.AddModelError(nameof(To), "The day they left must be the same as or after the day they arrived");
        }
        var ended = ModelState.Choice<EpisodeEnd>(nameof(EndedBy), EndedBy, to is null ? null : "Choose how the stay ended");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await SavedAsync(await book.SaveEpisodeAsync(Opened, Episode, new EpisodeInput(Centre!, from!.Value, to, ended), cancellationToken), _ => "detention", cancellationToken);
    }
}
