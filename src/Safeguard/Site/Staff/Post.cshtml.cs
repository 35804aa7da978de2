using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Platform.Web.Forms;
using Safeguard.Site.News;

namespace Safeguard.Site.Staff;

/// <summary>
/// A post as readers will see it (the preview), with its state, and publishing it now or at a UK date and time, or
/// taking it back to draft.
/// </summary>
internal sealed class PostModel(NewsDesk desk, TimeProvider clock) : PageModel
{
    public const string Now = "now";

    public const string Later = "later";

    public static IReadOnlyList<Choice> WhenChoices { get; } = [new(Now, "Now"), new(Later, "At a date and time")];

    [FromRoute(Name = "id")]
    public int PostId { get; set; }

    [BindProperty]
    [OneOf("Choose when to publish the post", Now, Later)]
    public string? When { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the date as day/month/year, for example " + FormDates.Example)]
    [Date("the date")]
    public string? PublishOn { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the time as hours and minutes on the 24-hour clock, for example 09:30")]
    [RegularExpression(@"^\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\s*$", ErrorMessage = "Enter the time as hours and minutes on the 24-hour clock, for example 09:30")]
    public string? PublishAt { get; set; }

    public NewsPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var later = When == Later;
        var on = ModelState.Asked(nameof(PublishOn), later, PublishOn);
        var at = ModelState.Asked(nameof(PublishAt), later, PublishAt);
        DateTime? scheduled = null;
        if (ModelState.IsValid && later && FormDates.Parse(on) is { } day)
        {
            var time = TimeOnly.ParseExact(at!.Trim().PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture);
            scheduled = UkTime.ToUtc(day, time);
            if (scheduled <= clock.GetUtcNow().UtcDateTime)
            {
                ModelState.AddModelError(nameof(PublishOn), "The date and time must be in the future; to publish the post now, choose Now");
            }
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        var done = scheduled is { } moment
            ? await desk.ScheduleAsync(PostId, moment, cancellationToken)
            : await desk.PublishNowAsync(PostId, cancellationToken);
        return done ? LocalRedirect(SiteStaffPaths.Post(PostId)) : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        await desk.WithdrawAsync(PostId, cancellationToken) ? LocalRedirect(SiteStaffPaths.Post(PostId)) : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(PostId, cancellationToken) is not { } post)
        {
            return false;
        }
        Post = post;
        return true;
    }
}
