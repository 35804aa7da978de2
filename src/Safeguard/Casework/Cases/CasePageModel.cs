using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Safeguard.Casework.Access;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Cases;

/// <summary>
/// What every page of one case shares: the case number from the address, opened through <see cref="CaseAccess"/>
/// for the signed-in member of staff, or a 404 (the same for a case that does not exist and one they may not open).
/// </summary>
internal abstract class CasePageModel(CaseAccess access, TimeProvider time) : PageModel
{
    [FromRoute]
    public string CaseNumber { get; set; } = "";

    /// <summary>The case, once <see cref="OpenAsync"/> has let the reader in.</summary>
    public OpenedCase Opened { get; private set; } = null!;

    /// <summary>The record <see cref="OpenAsync"/> (or a change a moment after) found the case does not hold.</summary>
    private RecordOnCase? missing;

    /// <summary>Today, in the UTC calendar the clocks use.</summary>
    public DateOnly Today => DateOnly.FromDateTime(NowUtc);

    /// <summary>This moment, in UTC.</summary>
    protected DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Opens the case and checks it holds the records the address names (<see cref="MissingRecordAsync"/>), recording
    /// <paramref name="reading"/> as read (null for a change, which records itself); false for a refusal, which
    /// <see cref="Refused"/> answers.
    /// </summary>
    protected async Task<bool> OpenAsync(string? reading, CancellationToken cancellationToken)
    {
        var opened = await access.OpenAsync(CaseReader.Of(User), CaseNumber, null, cancellationToken);
        if (opened is null)
        {
            return false;
        }
        Opened = opened;
        if (await RefuseMissingRecordAsync(cancellationToken))
        {
            return false;
        }
        if (reading is not null)
        {
            await access.RecordReadAsync(opened, reading, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// The record named in the address that the case does not hold (no longer, or never, or not this case's), checked
    /// before anything typed is read; null when it holds every record the address names, or the page names none (the
    /// case itself, or a record to add to it).
    /// </summary>
    protected virtual Task<RecordOnCase?> MissingRecordAsync(CancellationToken cancellationToken) => Task.FromResult<RecordOnCase?>(null);

    /// <summary>Whether the opened case lacks a record the address names; if so, the refusal is recorded.</summary>
    private async Task<bool> RefuseMissingRecordAsync(CancellationToken cancellationToken)
    {
        missing = await MissingRecordAsync(cancellationToken);
        if (missing is null)
        {
            return false;
        }
        await access.RecordReadAsync(Opened, "refused: no such record", cancellationToken);
        return true;
    }

    /// <summary>
    /// The answer to a request <see cref="OpenAsync"/> refused. To a reader who may open the case, about a record it
    /// does not hold: a page saying so, what may have become of it and what was not done, with the way back to where it
    /// was on the case; a 404 still, since there is no such record. Anyone else gets the 404 of a case that does not
    /// exist, which says nothing about the case.
    /// </summary>
    protected IActionResult Refused() => missing is { } record
        ? new ViewResult
        {
            ViewName = "/Casework/Cases/NoSuchRecord.cshtml",
            ViewData = new ViewDataDictionary<NoSuchRecordNotice>(ViewData,
                new NoSuchRecordNotice(CaseNumber, record, MayHaveBeenDeleted, HttpMethods.IsPost(Request.Method) ? NothingDone : null)),
            StatusCode = StatusCodes.Status404NotFound,
        }
        : NotFound();

    /// <summary>
    /// The answer to a request refused because a record it names was deleted a moment after <see cref="OpenAsync"/>
    /// found it (the database refused the change, or the record was not there to read): as <see cref="Refused"/>.
    /// </summary>
    protected async Task<IActionResult> DeletedMeanwhileAsync(CancellationToken cancellationToken)
    {
        await RefuseMissingRecordAsync(cancellationToken);
        return Refused();
    }

    /// <summary>What may have become of a record the case does not hold, as its page says it.</summary>
    protected virtual string MayHaveBeenDeleted => "It may have been deleted: by a colleague, or by you in another tab.";

    /// <summary>What a form sent for a record the case does not hold did not do.</summary>
    protected virtual string NothingDone => "Nothing was saved.";

    /// <summary>The case page, where a form returns once saved.</summary>
    protected IActionResult BackToCase(string anchor) => LocalRedirect($"{CaseworkPaths.Case(CaseNumber)}#{anchor}");

    /// <summary>
    /// Back to the case once a record is saved (<paramref name="id"/>), at its <paramref name="anchor"/>; when the case
    /// had no such record to change (or to add a finding to), the page that says so.
    /// </summary>
    protected async Task<IActionResult> SavedAsync(int? id, Func<int, string> anchor, CancellationToken cancellationToken) =>
        id is { } saved ? BackToCase(anchor(saved)) : await DeletedMeanwhileAsync(cancellationToken);

    /// <summary>The places of detention, for a form's select of centres (see <see cref="LoadCentresAsync"/>).</summary>
    public IReadOnlyList<Choice> Centres { get; private set; } = [];

    protected async Task LoadCentresAsync(PlacesOfDetention places, CancellationToken cancellationToken) =>
        Centres = (await places.ListAsync(cancellationToken)).ToChoices();

    /// <summary>Adds <paramref name="whenMissing"/> to the Centre field unless <paramref name="slug"/> is one of <see cref="Centres"/>.</summary>
    protected void RequireCentre(string? slug, string whenMissing)
    {
        if (Centres.All(c => c.Value != slug))
        {
            ModelState.AddModelError("Centre", whenMissing);
        }
    }
}
