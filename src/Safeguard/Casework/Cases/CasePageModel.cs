using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Casework.Access;
using Safeguard.Statistics.Reading;

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

    /// <summary>Today, in the UTC calendar the clocks use.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Opens the case and checks it holds the record the page is about (<see cref="HoldsRecordAsync"/>), recording
    /// <paramref name="reading"/> as read (null for a change, which records itself); false for a 404.
    /// </summary>
    protected async Task<bool> OpenAsync(string? reading, CancellationToken cancellationToken)
    {
        var opened = await access.OpenAsync(CaseReader.Of(User), CaseNumber, null, cancellationToken);
        if (opened is null)
        {
            return false;
        }
        Opened = opened;
        if (!await HoldsRecordAsync(cancellationToken))
        {
            await RefuseNoSuchRecordAsync(cancellationToken);
            return false;
        }
        if (reading is not null)
        {
            await access.RecordReadAsync(opened, reading, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Whether the case holds the record named in the address (a record of another case is the same 404 as a case
    /// the reader may not open, before anything typed is read); true for pages about the case itself or a new record.
    /// </summary>
    protected virtual Task<bool> HoldsRecordAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>
    /// Whether the reader may open the case but it holds no record with the id in the address (no longer, or never, or
    /// not this case's): <see cref="OpenAsync"/> found it so, or a change found it gone a moment after.
    /// </summary>
    protected bool NoSuchRecord { get; private set; }

    /// <summary>Records that the opened case holds no such record as the address names (<see cref="NoSuchRecord"/>).</summary>
    protected async Task RefuseNoSuchRecordAsync(CancellationToken cancellationToken)
    {
        NoSuchRecord = true;
        await access.RecordReadAsync(Opened, "refused: no such record", cancellationToken);
    }

    /// <summary>The case page, where a form returns once saved.</summary>
    protected IActionResult BackToCase(string anchor) => LocalRedirect($"{CaseworkPaths.Case(CaseNumber)}#{anchor}");

    /// <summary>Back to the case once a record is saved (<paramref name="id"/>), at its <paramref name="anchor"/>; a 404 when the case had no such record to change.</summary>
    protected IActionResult Saved(int? id, Func<int, string> anchor) => id is { } saved ? BackToCase(anchor(saved)) : NotFound();

    /// <summary>The places of detention, for a form's select of centres (see <see cref="LoadCentresAsync"/>).</summary>
    public IReadOnlyList<Forms.Choice> Centres { get; private set; } = [];

    protected async Task LoadCentresAsync(PlacesOfDetention places, CancellationToken cancellationToken) =>
        Centres = (await places.ListAsync(cancellationToken)).Choices();

    /// <summary>Adds <paramref name="whenMissing"/> to the Centre field unless <paramref name="slug"/> is one of <see cref="Centres"/>.</summary>
    protected void RequireCentre(string? slug, string whenMissing)
    {
        if (Centres.All(c => c.Value != slug))
        {
            ModelState.AddModelError("Centre", whenMissing);
        }
    }
}
