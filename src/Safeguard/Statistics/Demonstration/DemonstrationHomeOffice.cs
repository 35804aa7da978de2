using Microsoft.EntityFrameworkCore;
using Safeguard.Platform;
using Safeguard.Statistics.Contracts;
using Safeguard.Statistics.Data;
using Safeguard.Statistics.Importing;
using Safeguard.Statistics.Model;
using Safeguard.Statistics.Releases;

namespace Safeguard.Statistics.Demonstration;

/// <summary>
/// The Home Office detention tables (2010 to 2023), imported through the real importer with the shipped templates
/// into a release that supersedes the charity's 2024 release, so the demonstration shows people entering, in and
/// leaving detention per centre per quarter beside the charity's own figures. The tables are public data kept
/// outside the repository; without them the demonstration has only the 2024 release.
/// </summary>
internal static class DemonstrationHomeOffice
{
    public const string Slug = "home-office-2023";

    private const string DefaultFolder = "../shared/data/home-office";

    private static readonly (string File, string Template, string Title)[] Tables =
    [
        ("people_entering_detention.csv", "home-office-det-d01", "Detention table Det_D01: people entering detention"),
        ("people_in_detention.csv", "home-office-det-d02", "Detention table Det_D02: people in detention"),
        ("people_leaving_detention.csv", "home-office-det-d03", "Detention table Det_D03: people leaving detention"),
        ("detention_summary_flow.csv", "home-office-det-01", "Detention table Det_01: summary of detention flows"),
        ("children_entering_detention.csv", "home-office-children-entering", "Children entering detention"),
        ("detention_pregnant_women.csv", "home-office-pregnant-women", "Pregnant women detained"),
        ("detentions_deaths_and_absconds.csv", "home-office-deaths-and-absconds", "Deaths, escapes and absconds"),
        ("detention_cost_per_day.csv", "home-office-cost-per-day", "Average cost of detention per day"),
    ];

    /// <summary>The folder the tables are read from, or null when the setting is empty or the folder is absent.</summary>
    public static string? Folder(IConfiguration configuration)
    {
        var configured = configuration[SafeguardSettings.DemonstrationHomeOfficeFolder];
        var folder = configured ?? DefaultFolder;
        return folder.Length > 0 && Directory.Exists(folder) ? Path.GetFullPath(folder) : null;
    }

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var db = services.GetRequiredService<StatisticsDbContext>();
        if (Folder(configuration) is not { } folder || await db.Releases.AnyAsync(r => r.Slug == Slug, cancellationToken))
        {
            return;
        }
        var importer = services.GetRequiredService<StatisticsImporter>();
        // One transaction for every table and the publication: a start interrupted half-way leaves no partial draft.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (file, template, title) in Tables)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                continue;
            }
            var source = new SourceDetails($"Home Office immigration system statistics, year ending December 2023. {title}", "Home Office",
                "Immigration system statistics: detention data tables, year ending December 2023", new DateOnly(2024, 2, 29));
            await importer.CommitAsync(new ImportRequest(file, await File.ReadAllBytesAsync(path, cancellationToken), template, Slug, source,
                "Immigration detention statistics: 2024, with the Home Office detention tables from 2010 to 2023"), null, cancellationToken);
        }
        if (await db.Releases.AnyAsync(r => r.Slug == Slug && r.Status == ReleaseStatus.Draft, cancellationToken))
        {
            await services.GetRequiredService<ReleasePublisher>().PublishAsync(Slug,
                "Adds the Home Office's detention tables for 2010 to 2023: people entering, in and leaving detention per centre and quarter, children, pregnant women, deaths, escapes and the cost per day.",
                cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
