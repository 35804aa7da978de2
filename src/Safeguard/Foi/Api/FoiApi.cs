using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Foi.Clock;
using Safeguard.Foi.Holidays;
using Safeguard.Platform;

namespace Safeguard.Foi.Api;

/// <summary>A weekday that was not counted.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">Why it is not a working day, e.g. "Easter Monday in England and Wales and Northern Ireland".</param>
internal sealed record NonWorkingDayResource(DateOnly Date, string Reason);

/// <summary>An FOI deadline.</summary>
/// <param name="Received">The date of receipt.</param>
/// <param name="Days">Working days counted.</param>
/// <param name="Due">The deadline: the last of those working days.</param>
/// <param name="DayOne">The first working day after the day of receipt.</param>
/// <param name="ReceivedOnWorkingDay">Whether the day of receipt is itself a working day (it is the day of receipt either way).</param>
/// <param name="HolidaysSkipped">Weekday holidays between receipt and the deadline, not counted.</param>
/// <param name="Explanation">The deadline in words.</param>
/// <param name="Rule">The rule applied, with its source.</param>
internal sealed record FoiDueResource(
    DateOnly Received, int Days, DateOnly Due, DateOnly DayOne, bool ReceivedOnWorkingDay,
    IReadOnlyList<NonWorkingDayResource> HolidaysSkipped, string Explanation, string Rule)
{
    public const string RuleText =
        "Freedom of Information Act 2000 s.10(1) and (6): the deadline is the Nth working day following the date of receipt; "
        + "working days exclude Saturdays, Sundays, Christmas Day, Good Friday and bank holidays in any part of the UK. "
        + "The date of receipt is the day the request arrives, even a non-working day, and day one is the first working day after it "
        + "(Information Commissioner, 'Time limits for compliance under the Freedom of Information Act (section 10)').";

    public static FoiDueResource From(FoiDeadline deadline) => new(
        deadline.Received, deadline.WorkingDays, deadline.Due, deadline.DayOne, deadline.ReceivedOnNonWorkingDay is null,
        [.. deadline.HolidaysSkipped.Select(h => new NonWorkingDayResource(h.Date, h.Reason))], deadline.Explain(), RuleText);
}

/// <summary><c>/api/v1/foi</c>: the statutory clock as a calculator. No personal data goes in or comes out.</summary>
internal static class FoiApi
{
    private static readonly string[] Known = ["received", "days"];

    public static void MapFoiApi(this IEndpointRouteBuilder app)
    {
        // A public calculator: it holds no personal data and needs no sign-in.
        var api = app.MapGroup("/api/v1/foi").WithTags("FOI").RequireCors(PlatformPolicies.ReadOnlyCors).AllowAnonymous();
        api.MapRead("/due", DueAsync).WithName("GetFoiDueDate")
            .WithSummary("When an FOI answer is due: the Nth working day after the date of receipt")
            .WithDescription("received is the date of receipt (yyyy-mm-dd); days is the number of working days, 20 unless given "
                + "(20 for a request or an internal review, 40 at most for a review or with a public-interest extension), from 1 to 250. "
                + "Working days exclude weekends, Christmas Day, Good Friday and bank holidays in any part of the UK. "
                + "A date whose year has no known bank holidays is a 400 that names the years known.");
    }

    private static async Task<Results<Ok<FoiDueResource>, ValidationProblem, ProblemHttpResult>> DueAsync(
        HttpContext context, BankHolidayStore holidays, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in query.Keys.Where(k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors[key] = [$"'{key}' is not a parameter of this endpoint. Use: {string.Join(", ", Known)}."];
        }
        DateOnly received = default;
        if (query["received"] is not { Count: 1 } receivedValues || string.IsNullOrWhiteSpace(receivedValues[0]))
        {
            errors["received"] = ["Give the date of receipt once, as yyyy-mm-dd: ?received=2025-01-02."];
        }
        else if (!FoiDate.TryParse(receivedValues[0]!, out received, out var problem))
        {
            errors["received"] = [problem];
        }
        var days = FoiClock.StatutoryWorkingDays;
        if (query.ContainsKey("days")
            && (query["days"] is not { Count: 1 } dayValues
                || !int.TryParse(dayValues[0], NumberStyles.None, CultureInfo.InvariantCulture, out days)
                || days is < 1 or > FoiClock.MostWorkingDays))
        {
            errors["days"] = [$"'days' must be a whole number of working days from 1 to {FoiClock.MostWorkingDays}, given once; it was '{query["days"]}'."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query has parameters that are not right.", detail: "See 'errors': each names a parameter and what to change.");
        }
        var calendar = await holidays.CalendarAsync(cancellationToken);
        try
        {
            return TypedResults.Ok(FoiDueResource.From(new FoiClock(calendar).Due(received, days)));
        }
        catch (OutsideCoveredYearsException outside)
        {
            return TypedResults.Problem(
                title: $"Bank holidays are not known for {outside.Date.Year.ToString(CultureInfo.InvariantCulture)}.",
                detail: outside.Message,
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["parameter"] = outside.Date == received ? "received" : "days",
                    ["date"] = outside.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["coveredYears"] = outside.Covered.Years.ToArray(),
                });
        }
    }
}
