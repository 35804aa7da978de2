using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Dashboard;
using Safeguard.Casework.Protection;
using Safeguard.Casework.Search;
using Safeguard.Platform.Encryption;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Cases;

/// <summary>One case in the list.</summary>
internal sealed record CaseRow(string CaseNumber, string Name, DateOnly OpenedOn, Outcome Outcome, string? Place, IReadOnlyList<string> Tags)
{
    /// <summary>What makes the case urgent, in words ("Home Office response overdue"); empty when nothing does.</summary>
    public IReadOnlyList<string> Urgent { get; init; } = [];
}

/// <summary>
/// The cases the signed-in member of staff may open (assigned to them; every case for a supervisor), filtered by
/// status, place, clinician, tag and the day the case was opened, 25 a page, the urgent first (as the dashboard
/// flags them), then the newest. Each page shown is recorded on the audit trail with the case numbers it listed.
/// </summary>
[Authorize(Policy = StaffPolicies.CaseData)]
internal sealed class IndexModel(CaseAccess access, CaseworkAudit audit, FieldEncryption cipher, CaseSearchIndex search, CaseworkDashboard dashboard, PlacesOfDetention places) : PageModel
{
    private const int PageSize = 25;

    /// <summary>
    /// A case number, a name or part of one, a Home Office reference or a date of birth: sent by POST, so that it is in
    /// no address (the browser's history, a proxy's log).
    /// </summary>
    [BindProperty]
    [Required(ErrorMessage = "Enter a case number, a name, a Home Office reference or a date of birth")]
    [TextLength(100, "What to search for")]
    public string? Search { get; set; }

    /// <summary>Whether the list shows a search's results rather than a page of the filtered list.</summary>
    public bool Searched { get; private set; }

    [BindProperty(SupportsGet = true)]
    [OptionalChoice<Outcome>]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Centre { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Clinician { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    [PastDate("the first day")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [PastDate("the last day")]
    public string? To { get; set; }

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public Pagination Pages { get; private set; } = null!;

    public IReadOnlyList<Choice> Centres { get; private set; } = [];

    public IReadOnlyList<Choice> Clinicians { get; private set; } = [];

    public IReadOnlyList<Choice> TagOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" is also Razor Pages' own route value, so ?page= is read from the query itself.
        if (!Pagination.TryReadPage(Request.Query, out var pageNumber))
        {
            return NotFound();
        }
        var reader = CaseReader.Of(User);
        var visible = access.Visible(reader);
        var placeNames = await LoadChoicesAsync(visible, cancellationToken);
        var status = FormChoices.Read<Outcome>(Status);
        var from = FormDates.Parse(From);
        var to = FormDates.Parse(To);
        if (from is { } first && to is { } last && last < first)
        {
            ModelState.AddModelError(nameof(To), "The last day must be the same as or after the first day");
        }
        if (!ModelState.IsValid)
        {
            Pages = new Pagination(1, PageSize, 0, CaseworkPaths.Cases, "Cases");
            return Page();
        }

        var query = visible;
        if (status is { } outcome)
        {
            query = query.Where(c => c.Outcome == outcome);
        }
        if (!string.IsNullOrEmpty(Centre))
        {
            query = query.Where(c => c.Episodes.Any(e => e.CentreSlug == Centre));
        }
        if (!string.IsNullOrEmpty(Clinician))
        {
            query = query.Where(c => c.Assessments.Any(a => a.ClinicianName == Clinician));
        }
        if (!string.IsNullOrEmpty(Tag))
        {
            query = query.Where(c => c.Tags.Any(t => t.Tag == Tag));
        }
        if (from is { } since)
        {
            query = query.Where(c => c.OpenedOn >= since);
        }
        if (to is { } until)
        {
            query = query.Where(c => c.OpenedOn <= until);
        }
        Pages = new Pagination(pageNumber, PageSize, await query.CountAsync(cancellationToken), FilterAddress(), "Cases");
        if (!Pages.Exists)
        {
            return NotFound();
        }
        Rows = await RowsAsync(query, Pages.Skip, placeNames, cancellationToken);
        await audit.ReadCasesAsync(CaseworkAudit.CaseList, $"page {Pages.Page.ToString(CultureInfo.InvariantCulture)}{(reader.IsSupervisor ? " as supervisor" : "")}",
            [.. Rows.Select(r => r.CaseNumber)], cancellationToken);
        return Page();
    }

    /// <summary>
    /// The cases the reader may open that match what was typed: names, references and dates of birth through the
    /// blind index (<see cref="CaseSearchIndex"/>), never decrypted to compare; the case number as it is. At most a
    /// page of them, with how many matched. The trail records the cases shown, never what was typed.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(User);
        var visible = access.Visible(reader);
        var placeNames = await LoadChoicesAsync(visible, cancellationToken);
        // The filters' rules are not this form's: their fields are not sent with it.
        foreach (var filter in new[] { nameof(Status), nameof(Centre), nameof(Clinician), nameof(Tag), nameof(From), nameof(To) })
        {
            ModelState.Remove(filter);
        }
        if (!ModelState.IsValid || Search is null)
        {
            Pages = new Pagination(1, PageSize, 0, CaseworkPaths.Cases, "Cases");
            return Page();
        }
        var hashes = await search.QueryHashesAsync(Search, cancellationToken);
        var caseNumber = Search.Trim().ToUpperInvariant();
        var query = visible.Where(c => c.CaseNumber == caseNumber || c.SearchEntries.Any(e => hashes.Contains(e.Hash)));
        Searched = true;
        Pages = new Pagination(1, PageSize, await query.CountAsync(cancellationToken), CaseworkPaths.Cases, "Cases");
        Rows = await RowsAsync(query, 0, placeNames, cancellationToken);
        await audit.ReadCasesAsync(CaseworkAudit.CaseList, $"search{(reader.IsSupervisor ? " as supervisor" : "")}", [.. Rows.Select(r => r.CaseNumber)], cancellationToken);
        return Page();
    }

    /// <summary>The filters' choices from the cases the reader may open; the places' names by slug.</summary>
    private async Task<Dictionary<string, string>> LoadChoicesAsync(IQueryable<Client> visible, CancellationToken cancellationToken)
    {
        var placeList = await places.ListAsync(cancellationToken);
        Centres = placeList.ToChoices();
        Clinicians = [.. (await visible.SelectMany(c => c.Assessments).Select(a => a.ClinicianName).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.CurrentCulture).Select(n => new Choice(n, n))];
        TagOptions = [.. (await visible.SelectMany(c => c.Tags).Select(t => t.Tag).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.CurrentCulture).Select(t => new Choice(t, t))];
        return placeList.ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// A page of <paramref name="query"/>'s cases, the urgent first (those with the most reasons to be urgent first, then
    /// the claim due soonest), then the newest, their names decrypted to be shown. Urgency is worked out for every case the query finds, not only a
    /// page's, so that an urgent case on the last page of the newest-first order still comes first.
    /// </summary>
    private async Task<IReadOnlyList<CaseRow>> RowsAsync(IQueryable<Client> query, int skip, Dictionary<string, string> placeNames, CancellationToken cancellationToken)
    {
        var urgent = await dashboard.UrgentAsync(query, cancellationToken);
        var newestFirst = await query.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id).Select(c => c.CaseNumber).ToListAsync(cancellationToken);
        // The most reasons first, then the claim due soonest; sorting is stable, so cases equally urgent keep the
        // newest-first order.
        var shown = newestFirst
            .OrderByDescending(n => urgent.GetValueOrDefault(n)?.Reasons.Count ?? 0)
            .ThenBy(n => urgent.GetValueOrDefault(n)?.ClaimDaysLeft ?? int.MaxValue)
            .Skip(skip).Take(PageSize).ToList();
        var rows = (await query.Where(c => shown.Contains(c.CaseNumber))
            .Select(c => new
            {
                c.CaseNumber,
                c.NameCipher,
                c.OpenedOn,
                c.Outcome,
                Place = c.Episodes.OrderByDescending(e => e.From).Select(e => e.CentreSlug).FirstOrDefault(),
                Tags = c.Tags.Select(t => t.Tag).ToList(),
            })
            .ToListAsync(cancellationToken)).OrderBy(r => shown.IndexOf(r.CaseNumber));
        return [.. rows.Select(r => new CaseRow(r.CaseNumber, cipher.Decrypt(r.NameCipher, CaseFields.ClientName), r.OpenedOn, r.Outcome,
            r.Place is null ? null : placeNames.GetValueOrDefault(r.Place, r.Place), [.. r.Tags.Order(StringComparer.CurrentCulture)])
        {
            Urgent = urgent.GetValueOrDefault(r.CaseNumber)?.Reasons ?? [],
        })];
    }

    /// <summary>This list's address with its filters, for the page links.</summary>
    private string FilterAddress()
    {
        var filters = new[] { (nameof(Status), Status), (nameof(Centre), Centre), (nameof(Clinician), Clinician), (nameof(Tag), Tag), (nameof(From), From), (nameof(To), To) }
            .Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => $"{f.Item1.ToLowerInvariant()}={Uri.EscapeDataString(f.Item2!)}").ToList();
        return filters.Count == 0 ? CaseworkPaths.Cases : $"{CaseworkPaths.Cases}?{string.Join('&', filters)}";
    }
}
