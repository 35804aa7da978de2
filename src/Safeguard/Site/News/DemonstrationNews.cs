using Microsoft.EntityFrameworkCore;
using Safeguard.Site.Data;

namespace Safeguard.Site.News;

/// <summary>
/// One published post of each kind the charity's news carries (a Parliament update, a statistics release, an annual
/// report, a court decision), written for the demonstration and saying so, so that the home page and the news pages
/// show what they are for out of the box. Loaded once, into an empty news desk.
/// </summary>
internal static class DemonstrationNews
{
    private const string Author = "Safeguard demonstration";

    private const string Note = "\n\n*This post was written for Safeguard's demonstration data; it is not the charity's news.*";

    private static readonly (string Title, string Summary, string Body, string Category, DateTime PublishedUtc)[] Posts =
    [
        ("The APPG asks the minister about detention time limits",
            "Members of the All-Party Parliamentary Group on Immigration Detention met the Minister for Border Security and Asylum.",
            "The group's officers put three questions to the minister:\n\n- how the Home Office decides that someone is an *adult at risk*;\n- what happens after a doctor's Rule 35 report;\n- whether a time limit on detention is being considered.\n\nThe meeting's record is on the [group's events page](/parliament/events).",
            NewsCategories.Parliament, new DateTime(2025, 3, 14, 10, 0, 0, DateTimeKind.Utc)),
        ("New figures on detention and health",
            "The latest Home Office figures, obtained through Freedom of Information requests, are published as a new release.",
            "The release brings together figures on Rule 35 reports, self-harm, segregation and use of force for each removal centre, each traced to the Home Office's answer it came from.\n\nRead the headlines, download the figures or use the API on the [statistics pages](/statistics).",
            NewsCategories.Statistics, new DateTime(2025, 9, 2, 9, 30, 0, DateTimeKind.Utc)),
        ("Our annual report for 2024",
            "What our clinicians, caseworkers and volunteers did in 2024, and what changed because of it.",
            "The report describes the year's clinical assessments and medico-legal reports, the casework that followed them, and the evidence we gave to Parliament.\n\nIt is written for everyone who supports the charity's work.",
            NewsCategories.AnnualReports, new DateTime(2025, 6, 20, 11, 0, 0, DateTimeKind.Utc)),
        ("Court finds a client's continued detention unlawful",
            "A judge found that the Home Office did not give proper weight to a medico-legal report about a client's health.",
            "The client's lawyers relied on a medico-legal report written by one of our clinicians. The judge found that the Home Office had not weighed the report's evidence of torture before deciding to keep the client in detention.\n\nThe client has since been released.",
            NewsCategories.CourtDecisions, new DateTime(2025, 11, 5, 15, 0, 0, DateTimeKind.Utc)),
    ];

    public static async Task LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SiteDbContext>();
        if (await db.Posts.AnyAsync(cancellationToken))
        {
            return;
        }
        foreach (var (title, summary, body, category, published) in Posts)
        {
            var slug = PostSlug.FromTitle(title);
            db.Posts.Add(new NewsPost
            {
                Slug = slug,
                Title = title,
                Summary = summary,
                Body = body + Note,
                Author = Author,
                State = PostState.Published,
                PublishAtUtc = published,
                UpdatedAtUtc = published,
                Categories = [new PostCategory { Category = category }],
                Addresses = [new PostAddress { Slug = slug }],
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
