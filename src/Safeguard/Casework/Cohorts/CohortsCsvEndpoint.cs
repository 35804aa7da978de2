using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Casework.Access;
using Safeguard.Platform.Web;
using Safeguard.Statistics.Contracts;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// <c>/staff/cohorts.csv</c>: the cohort page's figures, defined by the same query, suppressed the same way, as a CSV
/// attachment; each download recorded as an export with its definition. GET only, not a public read
/// (<see cref="Platform.ReadEndpoints"/>): a HEAD would be recorded as an export of nothing.
/// </summary>
internal static class CohortsCsvEndpoint
{
    public static void MapCohortsCsv(this IEndpointRouteBuilder routes) => routes.MapGet(CaseworkPaths.CohortsCsv, async (
            [FromQuery(Name = "Tags")] string[]? tags, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? centre, [FromQuery] string? outcome,
            CohortQuery query, PlacesOfDetention places, CaseworkAudit audit, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var errors = new ModelStateDictionary();
            var definition = CohortDefinition.Read(errors, tags ?? [], from, to, centre, outcome, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            if (!errors.IsValid)
            {
                return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()));
            }
            var described = definition.Describe((await places.ListAsync(cancellationToken)).ToDictionary(p => p.Slug, p => p.Name, StringComparer.Ordinal));
            var figures = await query.ShowAsync(definition, cancellationToken);
            await audit.ExportAsync(CaseworkAudit.Cohort, $"cohort figures downloaded as CSV: {described}", cancellationToken);
            return Results.File(CohortCsv.Write(described, figures), "text/csv; charset=utf-8", "cohort-figures.csv");
        })
        .RequireAuthorization(StaffPolicies.Aggregates)
        .ExcludeFromDescription();
}
