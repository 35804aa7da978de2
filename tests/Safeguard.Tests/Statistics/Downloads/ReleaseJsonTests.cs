using System.Text;
using System.Text.Json;
using Safeguard.Statistics.Downloads;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Reading;

namespace Safeguard.Tests.Statistics.Downloads;

public sealed class ReleaseJsonTests
{
    private static readonly ReleaseSummary Release = new(
        "2024", "Immigration detention statistics: 2024", "Synthetic figures for tests.", "published",
        new DateTime(2026, 11, 23, 10, 30, 0, DateTimeKind.Unspecified), new string('c', 64), "https://example.org/statistics/releases/2024");

    [Fact]
    public async Task WriteAsync_Release_IsDescribedWithUtcPublicationTime()
    {
        using var json = await WriteAsync([SyntheticRows.Row()]);
        var release = json.RootElement.GetProperty("release");

        release.GetProperty("slug").GetString().ShouldBe("2024");
        release.GetProperty("title").GetString().ShouldBe("Immigration detention statistics: 2024");
        release.GetProperty("summary").GetString().ShouldBe("Synthetic figures for tests.");
        release.GetProperty("status").GetString().ShouldBe("published");
        release.GetProperty("publishedAt").GetString().ShouldBe("2026-11-23T10:30:00Z");
        release.GetProperty("contentHash").GetString().ShouldBe(new string('c', 64));
        release.GetProperty("url").GetString().ShouldBe("https://example.org/statistics/releases/2024");
        json.RootElement.GetProperty("credit").GetString().ShouldBe("Synthetic credit line.");
    }

    [Fact]
    public async Task WriteAsync_Draft_HasNullPublicationTimeAndHash()
    {
        var draft = Release with { Status = "draft", PublishedAtUtc = null, ContentHash = null };
        using var output = new MemoryStream();
        await ReleaseJson.WriteAsync(draft, "Synthetic credit line.", [], output, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(output.ToArray());
        var release = json.RootElement.GetProperty("release");

        release.GetProperty("publishedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        release.GetProperty("contentHash").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("observations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task WriteAsync_Observation_HasTheTidyColumnsInCamelCase()
    {
        using var json = await WriteAsync([SyntheticRows.Row()]);
        var observation = json.RootElement.GetProperty("observations")[0];

        observation.EnumerateObject().Select(p => p.Name).ShouldBe(TidyColumns.All.Select(c => c.JsonName));
        observation.GetProperty("measureName").GetString().ShouldBe("Use of force incidents");
        observation.GetProperty("placeName").GetString().ShouldBe("Yarl's Wood");
        observation.GetProperty("periodStart").GetString().ShouldBe("2024-07-01");
        observation.GetProperty("sourceFile").GetString().ShouldBe("foi-00000.pdf");
    }

    [Fact]
    public async Task WriteAsync_Value_IsANumberWithoutTrailingZeros()
    {
        using var json = await WriteAsync([SyntheticRows.Row(1340.0000m, ObservationStatus.AtLeast)]);
        var observation = json.RootElement.GetProperty("observations")[0];

        observation.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Number);
        observation.GetProperty("value").GetRawText().ShouldBe("1340");
        observation.GetProperty("status").GetString().ShouldBe("at-least");
        observation.GetProperty("display").GetString().ShouldBe("at least 1,340");
    }

    [Fact]
    public async Task WriteAsync_NoValueOrNote_AreNull()
    {
        using var json = await WriteAsync([SyntheticRows.Row(null, ObservationStatus.Suppressed)]);
        var observation = json.RootElement.GetProperty("observations")[0];

        observation.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
        observation.GetProperty("note").ValueKind.ShouldBe(JsonValueKind.Null);
        observation.GetProperty("status").GetString().ShouldBe("suppressed");
    }

    [Fact]
    public async Task WriteAsync_Text_IsNotNeutralisedAndNonAsciiStaysReadable()
    {
        const string note = "=HYPERLINK(\"x\") – kept as written";
        using var output = new MemoryStream();
        await ReleaseJson.WriteAsync(Release, "Synthetic credit line.", [SyntheticRows.Row(note: note)], output, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(output.ToArray());
        json.RootElement.GetProperty("observations")[0].GetProperty("note").GetString().ShouldBe(note);
        Encoding.UTF8.GetString(output.ToArray()).ShouldContain("FOI response 00000 – use of force");
    }

    [Fact]
    public void From_StoredRelease_GivesStatusCode()
    {
        var stored = new Release
        {
            Slug = "2024",
            Title = "Immigration detention statistics: 2024",
            Summary = "Synthetic.",
            Status = ReleaseStatus.Published,
            PublishedAtUtc = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc),
            ContentHash = "abc",
        };

        var summary = ReleaseSummary.From(stored, "https://example.org/statistics/releases/2024");

        summary.ShouldBe(new ReleaseSummary(
            "2024", "Immigration detention statistics: 2024", "Synthetic.", "published",
            new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc), "abc", "https://example.org/statistics/releases/2024"));
    }

    private static async Task<JsonDocument> WriteAsync(IEnumerable<ObservationRow> rows)
    {
        using var output = new MemoryStream();
        await ReleaseJson.WriteAsync(Release, "Synthetic credit line.", rows, output, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(output.ToArray());
    }
}
