using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.Platform;
using Safeguard.Platform.Web.Downloads;

namespace Safeguard.Parliament.Appg;

/// <summary>The machine twins of <c>/parliament/appg</c>: the same path with .json or .csv, from the same read.</summary>
internal static class AppgTwinEndpoints
{
    public const string Path = "/parliament/appg";

    private static readonly string[] CsvColumns = ["name", "role", "house", "party", "constituency", "mnis_id"];

    public static void MapAppgTwins(this IEndpointRouteBuilder app)
    {
        app.MapRead(Path + ".json", JsonAsync).RequireCors(PlatformPolicies.ReadOnlyCors).WithTags("Page data").WithName("AppgJson")
            .WithSummary("/parliament/appg as data: the group, the day its list was last checked, its current members and officers");
        app.MapRead(Path + ".csv", CsvAsync).RequireCors(PlatformPolicies.ReadOnlyCors).WithTags("Page data").WithName("AppgCsv")
            .WithSummary("The group's current members and officers, one row each");
    }

    /// <summary>/parliament/appg.json</summary>
    public sealed record AppgDocument(string? Title, string? LastChecked, string? Source, IReadOnlyList<AppgMemberDocument> Members);

    public sealed record AppgMemberDocument(string Name, string? Role, string House, string Party, string? Constituency, string? MnisId);

    private static async Task<Ok<AppgDocument>> JsonAsync(AppgRoster roster, CancellationToken cancellationToken)
    {
        var view = await roster.ReadAsync(cancellationToken);
        return TypedResults.Ok(new AppgDocument(view.Group?.Title, view.Group?.MembersCheckedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            view.Group?.SourceUrl, [.. view.Members.Select(m => new AppgMemberDocument(m.Name, m.Role, m.House.ToString(), m.Party, m.Constituency, m.MnisId))]));
    }

    private static async Task<IResult> CsvAsync(AppgRoster roster, CancellationToken cancellationToken)
    {
        var view = await roster.ReadAsync(cancellationToken);
        var text = new StringBuilder();
        CsvFormat.AppendRow(text, CsvColumns);
        foreach (var member in view.Members)
        {
            CsvFormat.AppendRow(text, new[] { member.Name, member.Role ?? "", member.House.ToString(), member.Party, member.Constituency ?? "", member.MnisId ?? "" }
                .Select(SpreadsheetText.Neutralise));
        }
        var checkedOn = view.Group?.MembersCheckedOn is { } day ? "-" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
        return TypedResults.File(CsvFormat.Utf8WithBom.GetPreamble().Concat(CsvFormat.Utf8WithBom.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", $"appg-members{checkedOn}.csv");
    }
}
