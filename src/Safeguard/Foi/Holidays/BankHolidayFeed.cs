using System.Globalization;
using System.Text.Json;

namespace Safeguard.Foi.Holidays;

/// <summary>
/// Reads the GOV.UK bank holidays feed (<c>https://www.gov.uk/bank-holidays.json</c>, Open Government Licence):
/// <c>{"england-and-wales": {"division": ..., "events": [{"title", "date", "notes", "bunting"}]}, "scotland": ...,
/// "northern-ireland": ...}</c>. All three divisions must be there, because the FOI working-day rule counts a bank
/// holiday in any part of the United Kingdom. Every problem is collected with where it is, so one reading of a bad
/// file says all that is wrong with it; nothing is returned from a file with a problem.
/// </summary>
internal static class BankHolidayFeed
{
    /// <summary>A GOV.UK feed is about 15 KB; anything far larger is not one.</summary>
    public const int MaximumBytes = 1_000_000;

    private const int MostProblemsReported = 20;

    private static readonly Lazy<IReadOnlyList<BankHoliday>> ShippedFeed = new(() =>
    {
        using var stream = typeof(BankHolidayFeed).Assembly.GetManifestResourceStream("Safeguard.Foi.Holidays.govuk-bank-holidays.json")
            ?? throw new InvalidOperationException("The shipped bank holidays feed is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.ToArray(), "the shipped GOV.UK feed");
    });

    /// <summary>The feed shipped with Safeguard (GOV.UK, 2024 to 2027).</summary>
    public static IReadOnlyList<BankHoliday> Shipped => ShippedFeed.Value;

    /// <summary>Parses a feed, or throws <see cref="BankHolidayFeedException"/> listing every problem and where it is.</summary>
    public static IReadOnlyList<BankHoliday> Parse(ReadOnlyMemory<byte> json, string source)
    {
        if (json.Length > MaximumBytes)
        {
            throw new BankHolidayFeedException(source, [$"it is {json.Length:#,0} bytes; a GOV.UK bank holidays feed is about 15 KB, so this is not one."]);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException malformed)
        {
            // The parser's first sentence says what it met; the rest is advice to programmers ("Change the reader options").
            var what = malformed.Message.Split(". ", 2)[0].Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
            throw new BankHolidayFeedException(source,
                [$"it is not valid JSON at line {malformed.LineNumber + 1}, byte {malformed.BytePositionInLine + 1}: {what}."]);
        }
        using (document)
        {
            var problems = new List<string>();
            var holidays = Read(document.RootElement, problems);
            if (problems.Count > 0)
            {
                throw new BankHolidayFeedException(source, problems);
            }
            return holidays;
        }
    }

    private static List<BankHoliday> Read(JsonElement root, List<string> problems)
    {
        var holidays = new List<BankHoliday>();
        var expected = string.Join(", ", UkDivisions.All.Select(d => $"'{d.Key()}'"));
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"the feed must be a JSON object whose properties are the divisions {expected}; it is {Kind(root)}.");
            return holidays;
        }
        foreach (var division in UkDivisions.All)
        {
            var key = division.Key();
            if (!root.TryGetProperty(key, out var part))
            {
                problems.Add($"the division '{key}' is missing; a GOV.UK feed has {expected}.");
                continue;
            }
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{key}: must be an object with an \"events\" array.");
                continue;
            }
            if (events.GetArrayLength() == 0)
            {
                problems.Add($"{key}.events: is empty; a feed lists each division's bank holidays.");
                continue;
            }
            var seen = new Dictionary<DateOnly, int>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                var where = $"{key}.events[{index}]";
                if (ReadEvent(item, division, where, problems) is { } holiday)
                {
                    if (seen.TryGetValue(holiday.Date, out var earlier))
                    {
                        problems.Add($"{where}: {holiday.Date:yyyy-MM-dd} is listed twice in '{key}' (also at {key}.events[{earlier}]).");
                    }
                    else
                    {
                        seen[holiday.Date] = index;
                        holidays.Add(holiday);
                    }
                }
                index++;
                if (problems.Count >= MostProblemsReported)
                {
                    problems.Add("… and perhaps more; fix these first.");
                    return holidays;
                }
            }
        }
        return holidays;
    }

    private static BankHoliday? ReadEvent(JsonElement item, UkDivision division, string where, List<string> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: must be an object with \"title\" and \"date\"; it is {Kind(item)}.");
            return null;
        }
        string? Text(string name, bool required)
        {
            if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    problems.Add($"{where}: has no \"{name}\".");
                }
                return required ? null : "";
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{where}.{name}: must be text; it is {Kind(value)}.");
                return null;
            }
            var text = value.GetString()!.Trim();
            if (text.Length > 200)
            {
                problems.Add($"{where}.{name}: is {text.Length} characters long; at most 200.");
                return null;
            }
            return text;
        }
        var title = Text("title", required: true);
        var notes = Text("notes", required: false);
        var dateText = Text("date", required: true);
        if (title is { Length: 0 })
        {
            problems.Add($"{where}.title: is empty.");
            title = null;
        }
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                problems.Add($"{where}.date: '{dateText}' is not a date; the feed writes dates as yyyy-mm-dd, e.g. 2025-12-25.");
            }
            else if (parsed.Year is < 1900 or > 2200)
            {
                problems.Add($"{where}.date: {dateText} is not a plausible bank holiday (the year must be 1900 to 2200).");
            }
            else
            {
                date = parsed;
            }
        }
        return title is null || notes is null || date is null ? null : new BankHoliday(division, date.Value, title, notes);
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}

/// <summary>A bank holidays feed that cannot be used: what is wrong and where, one problem a line.</summary>
internal sealed class BankHolidayFeedException(string source, IReadOnlyList<string> problems)
    : Exception($"{source} cannot be used as a bank holidays feed:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => $"  {p}"))}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
