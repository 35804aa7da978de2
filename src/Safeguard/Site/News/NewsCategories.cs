namespace Safeguard.Site.News;

/// <summary>A kind of news the site files posts under, with its own page and feed.</summary>
internal sealed record NewsCategory(string Slug, string Name, string Description);

/// <summary>The categories the charity's news is filed under; a post may be in several.</summary>
internal static class NewsCategories
{
    public const string Parliament = "parliament";
    public const string Statistics = "statistics";
    public const string AnnualReports = "annual-reports";
    public const string CourtDecisions = "court-decisions";

    public static IReadOnlyList<NewsCategory> All { get; } =
    [
        new(Parliament, "Parliament", "The APPG on Immigration Detention, bills, debates and the charity's work with MPs and peers"),
        new(Statistics, "Statistics releases", "New figures on immigration detention and what they show"),
        new(AnnualReports, "Annual reports", "What the charity did each year"),
        new(CourtDecisions, "Court decisions", "Judgments and decisions about immigration detention and detained people's health"),
    ];

    public static NewsCategory? Find(string slug) => All.FirstOrDefault(c => c.Slug == slug);
}
