using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Casework.Access;
using Safeguard.Casework.Cases;
using Safeguard.Casework.Data;
using Safeguard.Platform.Web;
using Safeguard.Platform.Web.Forms;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// Cohort figures for researchers and staff (policy <c>aggregates</c>): define a cohort by tags, the days cases were
/// opened, a place of detention and an outcome; see counts and percentages with small numbers suppressed, and
/// download them as CSV. No case is ever named. Each view and each download is recorded with the definition used.
/// </summary>
[Authorize(Policy = StaffPolicies.Aggregates)]
internal sealed class CohortsModel(CohortQuery query, CaseworkDbContext db, PlacesOfDetention places, CaseworkAudit audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public List<string> Tags { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Centre { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    public IReadOnlyList<Choice> TagOptions { get; private set; } = [];

    public IReadOnlyList<Choice> Centres { get; private set; } = [];

    public string Definition { get; private set; } = "";

    public CohortFigures? Figures { get; private set; }

    /// <summary>The CSV twin of this page, with the same definition.</summary>
    public string CsvAddress => $"{CaseworkPaths.CohortsCsv}{Request.QueryString}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        TagOptions = [.. (await db.Tags.AsNoTracking().Select(t => t.Tag).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.CurrentCulture).Select(t => new Choice(t, t))];
        var placeList = await places.ListAsync(cancellationToken);
        Centres = placeList.ToChoices();
        var definition = CohortDefinition.Read(ModelState, Tags, From, To, Centre, Outcome, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Definition = definition.Describe(placeList.ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal));
        Figures = await query.ShowAsync(definition, cancellationToken);
        await audit.ReadAsync(CaseworkAudit.Cohort, null, $"cohort figures viewed: {Definition}", cancellationToken);
        return Page();
    }
}
