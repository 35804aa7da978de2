using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;

namespace Safeguard.Casework.Deletions;

/// <summary>What a deletion page says before anything is deleted.</summary>
/// <param name="Question">The heading: "Delete the Home Office event “Rule 35(3) report” of 3 March 2025?", or, when it cannot be deleted, that it cannot (or that the case holds no such record now).</param>
/// <param name="Consequences">What goes with it, and what changes, one sentence each.</param>
/// <param name="Button">The button's words: "Delete the Home Office event".</param>
/// <param name="Refusal">Why it cannot be deleted, when it cannot, or what may have become of it (the page then has no button).</param>
internal sealed record DeletionNotice(string Question, IReadOnlyList<string> Consequences, string Button, string? Refusal = null);

/// <summary>
/// A confirmation before a record of a case is deleted: the page (GET) says what will be deleted and what goes with
/// it; only its form (POST, with the antiforgery token every form carries) deletes it, and returns to the case. A
/// record the case does not have, another case's included, is the same 404 as a case the reader may not open; but the
/// form sent for a record the case no longer holds (the button pressed twice, or a colleague deleting it first) is
/// answered, to a reader who may open the case, with a page that says so: a 404 still, since there is no such record.
/// </summary>
internal abstract class DeletionPageModel(CaseAccess access, CaseReading reading, TimeProvider time) : CasePageModel(access, time)
{
    public DeletionNotice Notice { get; private set; } = null!;

    /// <summary>The page's title: what it deletes, or that there is no such record to delete.</summary>
    public string Title => $"{(NoSuchRecord ? "No such" : "Delete a")} {What}, case {CaseNumber}";

    /// <summary>What kind of record the page deletes, in words: "Home Office event".</summary>
    protected abstract string What { get; }

    /// <summary>The record, as the audit trail names it when the page is read: "Home Office event 7".</summary>
    protected abstract string Record { get; }

    /// <summary>Where on the case page the record is (or was), to go back to.</summary>
    public abstract string Anchor { get; }

    /// <summary>What the page says about the record in <paramref name="view"/>, or null when the case has no such record.</summary>
    protected abstract DeletionNotice? Describe(CaseView view);

    protected abstract Task<Deletion> DeleteAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await OpenAsync($"{Record} deletion form", cancellationToken) && await DescribeAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return NoSuchRecord ? Gone() : NotFound();
        }
        var deletion = await DeleteAsync(cancellationToken);
        if (deletion == Deletion.Deleted)
        {
            return BackToCase(Anchor);
        }
        // Refused: the page again, saying why (it has changed since it was shown, or the form was sent without it).
        if (deletion == Deletion.ReportLinked && await DescribeAsync(cancellationToken))
        {
            return Page();
        }
        // Deleted a moment before, between the look above and this deletion.
        await RefuseNoSuchRecordAsync(cancellationToken);
        return Gone();
    }

    /// <summary>The answer to a deletion of a record the case no longer holds: what may have become of it, and the way back.</summary>
    private PageResult Gone()
    {
        Notice = new DeletionNotice($"The case holds no such {What} now", ["Nothing was deleted this time. The case page shows what the case holds now."], "",
            "It may have been deleted already: by you, if the button was pressed twice, or by a colleague.");
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    private async Task<bool> DescribeAsync(CancellationToken cancellationToken)
    {
        if (Describe(await reading.ReadAsync(Opened, cancellationToken)) is not { } notice)
        {
            return false;
        }
        Notice = notice;
        return true;
    }

    /// <summary>Said on every deletion page: what the trail keeps, and what it does not.</summary>
    public const string Permanence =
        "This cannot be undone. The audit trail will record that it was deleted, by whom and when, but not what it said.";
}
