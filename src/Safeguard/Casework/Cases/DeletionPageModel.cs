using Microsoft.AspNetCore.Mvc;
using Safeguard.Casework.Access;

namespace Safeguard.Casework.Cases;

/// <summary>What a deletion page says before anything is deleted.</summary>
/// <param name="Question">The heading: "Delete the Home Office event “Rule 35(3) report” of 3 March 2025?", or, when it cannot be deleted, that it cannot.</param>
/// <param name="Consequences">What goes with it, and what changes, one sentence each.</param>
/// <param name="Button">The button's words: "Delete the Home Office event".</param>
/// <param name="Refusal">Why it cannot be deleted, when it cannot (the page then has no button).</param>
internal sealed record DeletionNotice(string Question, IReadOnlyList<string> Consequences, string Button, string? Refusal = null);

/// <summary>
/// A confirmation before a record of a case is deleted: the page (GET) says what will be deleted and what goes with
/// it; only its form (POST, with the antiforgery token every form carries) deletes it, and returns to the case. The
/// page, or its form, for a record the case no longer holds (the button pressed twice, a colleague deleting it first,
/// the page reloaded once it was deleted) answers as every case page does for a record the case does not hold
/// (<see cref="CasePageModel.Refused"/>), saying what may have become of it.
/// </summary>
internal abstract class DeletionPageModel(CaseAccess access, CaseReading reading, TimeProvider time) : CasePageModel(access, time)
{
    public DeletionNotice Notice { get; private set; } = null!;

    /// <summary>The page's title: what it deletes, or that it cannot be deleted.</summary>
    public string Title => Notice.Refusal is null ? $"Delete a {OnCase.What}, case {CaseNumber}" : $"A {OnCase.What} that cannot be deleted, case {CaseNumber}";

    /// <summary>The record the page deletes, in words ("Home Office event"), and where the case page shows it, to go back to.</summary>
    public abstract RecordOnCase OnCase { get; }

    /// <summary>The record, as the audit trail names it when the page is read: "Home Office event 7".</summary>
    protected abstract string Record { get; }

    /// <summary>What the page says about the record in <paramref name="view"/>, or null when the case has no such record.</summary>
    protected abstract DeletionNotice? Describe(CaseView view);

    protected abstract Task<Deletion> DeleteAsync(CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync($"{Record} deletion form", cancellationToken))
        {
            return Refused();
        }
        return await DescribeAsync(cancellationToken) ? Page() : await DeletedMeanwhileAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(null, cancellationToken))
        {
            return Refused();
        }
        var deletion = await DeleteAsync(cancellationToken);
        if (deletion == Deletion.Deleted)
        {
            return BackToCase(OnCase.Anchor);
        }
        // Refused: the page again, saying why (it has changed since it was shown, or the form was sent without it).
        if (deletion == Deletion.ReportLinked && await DescribeAsync(cancellationToken))
        {
            return Page();
        }
        // Deleted a moment before, between the look above and this deletion.
        return await DeletedMeanwhileAsync(cancellationToken);
    }

    protected override string MayHaveBeenDeleted => HttpMethods.IsPost(Request.Method)
        ? "It may have been deleted already: by you, if the button was pressed twice, or by a colleague."
        : "It may have been deleted already: by you, or by a colleague.";

    protected override string NothingDone => "Nothing was deleted this time.";

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
