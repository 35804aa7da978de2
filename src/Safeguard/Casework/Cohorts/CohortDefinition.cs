using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Casework.Cases;
using Safeguard.Platform.Web.Forms;

namespace Safeguard.Casework.Cohorts;

/// <summary>
/// Which clients a cohort holds: those with every one of <see cref="Tags"/>, whose case was opened from
/// <see cref="From"/> to <see cref="To"/>, who were held at <see cref="CentreSlug"/> at some time, and whose case
/// ended in <see cref="Outcome"/>; each filter left out includes everyone.
/// </summary>
internal sealed record CohortDefinition(IReadOnlyList<string> Tags, DateOnly? From, DateOnly? To, string? CentreSlug, Outcome? Outcome)
{
    /// <summary>Reads a definition from the fields of the cohort form (or the CSV's query), adding an error that says what to fix for each wrong one.</summary>
    public static CohortDefinition Read(ModelStateDictionary errors, IReadOnlyList<string> tags, string? from, string? to, string? centre, string? outcome, DateOnly today)
    {
        var tagList = errors.Tags(nameof(Tags), string.Join(',', tags));
        var first = errors.Date(nameof(From), from, null, "the first day", today);
        var last = errors.Date(nameof(To), to, null, "the last day", today);
        if (first is { } start && last is { } end && end < start)
        {
            errors.AddModelError(nameof(To), "The last day must be the same as or after the first day");
        }
        return new CohortDefinition(tagList, first, last, string.IsNullOrEmpty(centre) ? null : centre,
            errors.Choice<Outcome>(nameof(Outcome), outcome, null));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The definition as one text, the same for every way of choosing the same filters (tags sorted, each once): what
    /// <see cref="CohortView"/> remembers. JSON, so that <see cref="Parse"/> reads it back whatever a tag holds.
    /// </summary>
    [JsonIgnore]
    public string Canonical => JsonSerializer.Serialize(
        this with { Tags = [.. Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] }, Json);

    /// <summary>The SHA-256 of <see cref="Canonical"/> in hex: a short key, however many tags are chosen.</summary>
    [JsonIgnore]
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical)));

    /// <summary>Reads back a <see cref="Canonical"/> text.</summary>
    /// <exception cref="JsonException">The text is not a definition.</exception>
    public static CohortDefinition Parse(string canonical) =>
        JsonSerializer.Deserialize<CohortDefinition>(canonical, Json) ?? throw new JsonException("A remembered cohort definition is empty.");

    /// <summary>The definition in words, without personal data: for the page, the CSV and the audit trail.</summary>
    public string Describe(IReadOnlyDictionary<string, string> centres)
    {
        var parts = new List<string>();
        if (Tags.Count > 0)
        {
            parts.Add($"tagged {string.Join(" and ", Tags)}");
        }
        if (From is { } from)
        {
            parts.Add($"opened from {FormDates.Show(from)}");
        }
        if (To is { } to)
        {
            parts.Add($"opened to {FormDates.Show(to)}");
        }
        if (CentreSlug is { } centre)
        {
            parts.Add($"held at {centres.GetValueOrDefault(centre, centre)}");
        }
        if (Outcome is { } outcome)
        {
            parts.Add($"outcome {CaseText.Outcome(outcome).ToLowerInvariant()}");
        }
        return parts.Count == 0 ? "all clients" : $"clients {string.Join(", ", parts)}";
    }
}
