using System.Globalization;
using Safeguard.Statistics.Model;

namespace Safeguard.Statistics.Api;

/// <summary>
/// The query string of <c>GET /api/v1/observations</c>, parsed by hand so that every malformed parameter gets a
/// 400 naming it (framework binding would answer with a bare 400 before our code ran).
/// </summary>
internal sealed record ObservationQuery(
    string? Release, string? Theme, string? Measure, string? Place, Period? Period, Period? From, Period? To, int Page, int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaximumPageSize = 1000;

    private static readonly string[] Known = ["release", "theme", "measure", "place", "period", "from", "to", "page", "pageSize"];

    /// <summary>Parses the query; errors are keyed by parameter name.</summary>
    public static (ObservationQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in query.Keys.Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            errors[key] = [$"'{key}' is not a parameter of this endpoint. Use: {string.Join(", ", Known)}."];
        }
        string? Single(string name)
        {
            var values = query[name];
            if (values.Count > 1)
            {
                errors[name] = [$"Give '{name}' once; it was given {values.Count} times."];
                return null;
            }
            var value = values.Count == 1 ? values[0]?.Trim() : null;
            return string.IsNullOrEmpty(value) ? null : value;
        }
        string? Slug(string name)
        {
            var value = Single(name);
            if (value is not null && (value.Length > 80 || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            {
                errors[name] = [$"'{name}' must be a slug of lower-case letters, digits and hyphens, such as 'use-of-force-incidents'."];
                return null;
            }
            return value;
        }
        Period? PeriodOf(string name)
        {
            var value = Single(name);
            if (value is null)
            {
                return null;
            }
            if (Period.TryParse(value, out var period))
            {
                return period;
            }
            errors[name] = [$"'{value}' is not a period. Use a year (2024), half (2024-H1), quarter (2024-Q3), month (2024-03) or day (2024-12-31)."];
            return null;
        }
        int Number(string name, int fallback, int minimum, int maximum)
        {
            var value = Single(name);
            if (value is null)
            {
                return fallback;
            }
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
            {
                return number;
            }
            errors[name] = [$"'{name}' must be a whole number from {minimum} to {maximum}; it was '{value}'."];
            return fallback;
        }

        var parsed = new ObservationQuery(
            Slug("release"), Slug("theme"), Slug("measure"), Slug("place"), PeriodOf("period"), PeriodOf("from"), PeriodOf("to"),
            Number("page", 1, 1, 1_000_000), Number("pageSize", DefaultPageSize, 1, MaximumPageSize));
        if (parsed.Period is not null && (parsed.From is not null || parsed.To is not null))
        {
            errors["period"] = ["Give either 'period' (one period exactly) or 'from' and 'to' (a range), not both."];
        }
        if (parsed.From is { } from && parsed.To is { } to && from.Start > to.End)
        {
            errors["from"] = [$"'from' ({from.Key}) is after 'to' ({to.Key})."];
        }
        return (errors.Count == 0 ? parsed : null, errors);
    }

    /// <summary>The query string for another page of the same results.</summary>
    public string ForPage(int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("release", Release);
        Add("theme", Theme);
        Add("measure", Measure);
        Add("place", Place);
        Add("period", Period?.Key);
        Add("from", From?.Key);
        Add("to", To?.Key);
        Add("page", page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        return $"/api/v1/observations?{string.Join('&', parts)}";
    }
}
