using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Audit.Chain;
using Safeguard.Audit.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Audit.Admin;

/// <summary>
/// The administrators' view of the trail: search it (newest first, a page at a time) and check its chain. Both are
/// themselves recorded on the trail (<see cref="AuditAction.Read"/> of <see cref="TrailRecordType"/>).
/// </summary>
internal sealed class TrailModel(AuditQuery query, AuditVerifier verifier, IAuditTrail trail, IAuditOrigin origin, IAuditActorNames actorNames) : PageModel
{
    /// <summary>Entries shown on a page.</summary>
    public const int PageSize = 100;

    /// <summary>The record type of this page's own entries on the trail.</summary>
    public const string TrailRecordType = "audit-trail";

    /// <summary>How this page's entries on the trail write the days searched, however they were typed.</summary>
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Only entries by accounts whose name holds this text (any case), or by this account id (or "system", "anonymous").</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>Only this action code, e.g. <c>sign-in</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>Only records of this type, e.g. <c>release</c>, <c>account</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? RecordType { get; set; }

    /// <summary>Only the record with this id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? RecordId { get; set; }

    /// <summary>From this UTC day, as typed (as every form takes dates: <see cref="FormDates"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>To this UTC day, inclusive, as typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>An anchor written down earlier (<c>N:HASH</c>) to check the trail against; optional.</summary>
    [BindProperty]
    public string? Anchor { get; set; }

    /// <summary>The page of results, or null when the search was not run (the form has errors, or this is a check).</summary>
    public AuditSearchPage? Results { get; private set; }

    public AuditPager? Pager { get; private set; }

    /// <summary>Account names by id, to show who acted; an actor not there (system, anonymous) is shown as recorded.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>The outcome of "Check the audit trail", after the button was pressed.</summary>
    public AuditVerification? Verification { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!TryReadPage(out var page))
        {
            return NotFound();
        }
        if (Validate() is not { } typed)
        {
            return Page();
        }
        Names = await actorNames.NamesAsync(cancellationToken);
        var search = typed.Actor is { } actor ? typed with { Actor = null, Actors = ActorsFor(actor) } : typed;
        var through = long.TryParse(Request.Query["through"], NumberStyles.None, CultureInfo.InvariantCulture, out var pinned) && pinned > 0 ? pinned : (long?)null;
        Results = await query.PageAsync(search, page, PageSize, through, cancellationToken);
        if (page > 1 && Results.Entries.Count == 0)
        {
            return NotFound();
        }
        Pager = new AuditPager(page, Math.Max(1, (Results.Total + PageSize - 1) / PageSize), Results.Total, PageSize, n => Href(n, Results.Through));
        await trail.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Read, TrailRecordType, null, origin.Source, Describe(typed, page)), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        AuditAnchor? anchor = null;
        if (Trimmed(Anchor) is { } text && !AuditAnchor.TryParse(text, out anchor))
        {
            ModelState.AddModelError(nameof(Anchor), "Enter the anchor as it was written down: the entry’s number, a colon and its 64-digit hash");
            return Page();
        }
        Verification = await verifier.VerifyAsync(null, anchor, cancellationToken);
        var against = anchor is null ? "" : string.Create(CultureInfo.InvariantCulture, $" against the anchor at entry {anchor.Sequence}");
        var detail = Verification.Intact
            ? string.Create(CultureInfo.InvariantCulture, $"checked the chain{against}: intact, {Verification.Entries} entries")
            : string.Create(CultureInfo.InvariantCulture, $"checked the chain{against}: broken at entry {Verification.BrokenAt}");
        await trail.RecordAsync(new AuditEvent(origin.Actor, AuditAction.Read, TrailRecordType, null, origin.Source, detail), cancellationToken);
        return Page();
    }

    /// <summary>The account page of an actor that is an account id, or null for "system", "anonymous" and the like.</summary>
    public static string? AccountHref(string actor) =>
        Guid.TryParse(actor, out _) ? StaffAddresses.Account(actor) : null;

    /// <summary>The actor typed (an id, "system", "anonymous") and every account whose name holds it, in any case.</summary>
    private string[] ActorsFor(string typed) =>
        [typed, .. Names.Where(n => n.Value.Contains(typed, StringComparison.CurrentCultureIgnoreCase)).Select(n => n.Key)];

    /// <summary>The form's values as a search, or null with the errors in the model state, each saying what to fix.</summary>
    private AuditSearch? Validate()
    {
        AuditAction? action = null;
        if (Action is { Length: > 0 } code && !AuditActionCodes.TryParse(code, out action))
        {
            ModelState.AddModelError(nameof(Action), "Choose an action from the list, or any action");
        }
        var from = ReadDate(nameof(From), From, "from");
        var to = ReadDate(nameof(To), To, "to");
        if (from is { } start && to is { } end && start > end)
        {
            ModelState.AddModelError(nameof(To), "The ‘to’ date must be the same as or after the ‘from’ date");
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        return new AuditSearch { Actor = Trimmed(Actor), Action = action, RecordType = Trimmed(RecordType), RecordId = Trimmed(RecordId), From = from, To = to };
    }

    private DateOnly? ReadDate(string field, string? text, string name)
    {
        if (Trimmed(text) is not { } value)
        {
            return null;
        }
        var date = FormDates.Read(value, $"the ‘{name}’ date", out var error);
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
        }
        return date;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Which filters were used, with the action and dates (never the values typed for actor, record type or id: they
    /// are free text, and the trail never holds what someone might have typed into a search box).
    /// </summary>
    private static string Describe(AuditSearch search, int page)
    {
        var filters = new List<string>();
        if (search.Actor is not null)
        {
            filters.Add("actor");
        }
        if (search.Action is { } action)
        {
            filters.Add($"action {action.Code()}");
        }
        if (search.RecordType is not null)
        {
            filters.Add("record type");
        }
        if (search.RecordId is not null)
        {
            filters.Add("record id");
        }
        if (search.From is { } from)
        {
            filters.Add($"from {from.ToString(DateFormat, CultureInfo.InvariantCulture)}");
        }
        if (search.To is { } to)
        {
            filters.Add($"to {to.ToString(DateFormat, CultureInfo.InvariantCulture)}");
        }
        var searched = filters.Count == 0 ? "viewed the newest entries" : $"searched by {string.Join(", ", filters)}";
        return string.Create(CultureInfo.InvariantCulture, $"{searched}; page {page}");
    }

    /// <summary>Reads <c>?page=</c>: absent is 1; one whole number from 1 is that page; anything else is no page.</summary>
    private bool TryReadPage(out int page)
    {
        page = 1;
        if (!Request.Query.TryGetValue("page", out var values))
        {
            return true;
        }
        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1;
    }

    /// <summary>The address of another page of the same search, pinned to the same newest entry.</summary>
    private string Href(int page, long through)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string name, string? value)
        {
            if (Trimmed(value) is { } text)
            {
                query.Add(new(name, text));
            }
        }
        Add(nameof(Actor), Actor);
        Add(nameof(Action), Action);
        Add(nameof(RecordType), RecordType);
        Add(nameof(RecordId), RecordId);
        Add(nameof(From), From);
        Add(nameof(To), To);
        Add("through", through.ToString(CultureInfo.InvariantCulture));
        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }
        return AuditPaths.Trail + QueryString.Create(query).ToUriComponent();
    }
}

/// <summary>Links to the pages of a search: previous, the first and last and this one's neighbours, next.</summary>
internal sealed record AuditPager(int Page, int PageCount, int TotalItems, int PageSize, Func<int, string> Href)
{
    public int FirstItem => TotalItems == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastItem => Math.Min(TotalItems, Page * PageSize);

    /// <summary>Page numbers to link in order, null standing for a gap: 1 … 4 5 6 … 18.</summary>
    public IReadOnlyList<int?> Numbers
    {
        get
        {
            var shown = new SortedSet<int> { 1, PageCount, Page };
            shown.Add(Math.Max(1, Page - 1));
            shown.Add(Math.Min(PageCount, Page + 1));
            var numbers = new List<int?>();
            var previous = 0;
            foreach (var n in shown)
            {
                if (n - previous > 1)
                {
                    numbers.Add(n - previous == 2 ? n - 1 : null);
                }
                numbers.Add(n);
                previous = n;
            }
            return numbers;
        }
    }
}
