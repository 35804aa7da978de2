using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Accounts.Contracts;
using Safeguard.Audit.Searching;
using Safeguard.Site.Data;
using Safeguard.Site.News;
using Safeguard.Site.Staff;
using Safeguard.Tests.Accounts;
using Safeguard.Tests.Http;

namespace Safeguard.Tests.Site;

/// <summary>
/// The editors' pages through the real pipeline on each engine: an editor writes a draft and previews it, its Markdown
/// sanitised; a title whose address another post has is refused; a changed title keeps the old address; publishing is
/// audited.
/// </summary>
public abstract class NewsDeskHttpTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..8]}";

    internal static KeyValuePair<string, string>[] Post(string title, string body = "The group met the minister.", params string[] categories) =>
    [
        new("Title", title), new("Summary", "What the APPG did this year."), new("Body", body), new("Author", "The policy team"),
        .. categories.Select(c => new KeyValuePair<string, string>("Categories", c)),
    ];

    /// <summary>Writes a draft as <paramref name="browser"/>'s editor; the draft's staff page.</summary>
    internal static async Task<string> WriteDraftAsync(StaffBrowser browser, KeyValuePair<string, string>[] post)
    {
        var saved = await browser.SubmitAsync(SiteStaffPaths.NewPost, post);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync(Cancel));
        return StaffBrowser.PathOf(saved.Headers.Location);
    }

    [Fact]
    public async Task Editor_WritesADraftAndPublishesIt_ThePreviewIsSanitisedAndEachChangeAudited()
    {
        var (editor, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Editor);
        var title = Unique("Our work in Parliament");
        var postPath = await WriteDraftAsync(browser,
            Post(title, "The group met **twice**.\n\n<script>alert(1)</script>\n\n[Bad](javascript:alert(2))", NewsCategories.Parliament, NewsCategories.CourtDecisions));

        var preview = await browser.PageAsync(postPath);
        var main = preview.QuerySelector("main")!;
        main.TextContent.ShouldContain("Draft: not public");
        var article = main.QuerySelector("article").ShouldNotBeNull();
        article.InnerHtml.ShouldContain("<p>The group met <strong>twice</strong>.</p>");
        article.InnerHtml.ShouldNotContain("<script", Case.Insensitive);
        article.InnerHtml.ShouldNotContain("javascript:", Case.Insensitive);
        article.QuerySelectorAll("a[href^='/news/category/']").Select(a => a.GetAttribute("href")).ShouldBe(["/news/category/parliament", "/news/category/court-decisions"], "in the order the site lists categories");

        var published = await browser.SubmitAsync(postPath, [new("When", PostModel.Now)], "Publish");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync(Cancel));
        (await browser.PageAsync(postPath)).QuerySelector("main")!.TextContent.ShouldContain("Published 10 November 2026 at");

        await using var scope = factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AuditQuery>().SearchAsync(new AuditSearch { RecordType = NewsDesk.RecordType, RecordId = postPath.Split('/')[^1] }, Cancel);
        entries.Select(e => (e.Actor, e.Action, e.Detail)).OrderBy(e => e.Action).ShouldBe([
            (editor.Id, "create", "draft written, 2 categories"),
            (editor.Id, "publish", "published"),
        ]);
    }

    [Fact]
    public async Task ChangedTitle_GivesANewAddress_AndKeepsTheOldOneForThePost()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Administrator);
        var title = Unique("Court of Appeal decision");
        var postPath = await WriteDraftAsync(browser, Post(title));
        var newTitle = Unique("Court of Appeal rules on detention");

        var changed = await browser.SubmitAsync(postPath + "/edit", Post(newTitle));

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync(Cancel));
        (await browser.PageAsync(postPath)).QuerySelector("main")!.TextContent.ShouldContain($"/news/{PostSlug.FromTitle(newTitle)}");
        await using var scope = factory.Services.CreateAsyncScope();
        var id = int.Parse(postPath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var addresses = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().PostAddresses.Where(a => a.PostId == id).Select(a => a.Slug).ToListAsync(Cancel);
        addresses.Order(StringComparer.Ordinal).ShouldBe(new[] { PostSlug.FromTitle(title), PostSlug.FromTitle(newTitle) }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TitleWhoseAddressIsAnotherPosts_IsRefusedByTheTitle_AndNothingIsSaved()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Editor);
        var title = Unique("Annual report");
        await WriteDraftAsync(browser, Post(title));

        var again = await browser.SubmitAsync(SiteStaffPaths.NewPost, Post(title.ToUpperInvariant()));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(again);
        page.QuerySelector("#Title-error")!.TextContent.ShouldContain($"Another post has, or had, the address /news/{PostSlug.FromTitle(title)}");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SiteDbContext>().Posts.CountAsync(p => p.Slug == PostSlug.FromTitle(title), Cancel)).ShouldBe(1);
    }

    private static async Task<SyndicationFeed> FeedAsync(HttpClient client, string path)
    {
        using var xml = XmlReader.Create(await client.GetStreamAsync(path, Cancel));
        return SyndicationFeed.Load(xml);
    }

    [Fact]
    public async Task PublishedPost_IsOnTheNewsAndCategoryPagesAndFeeds_ADraftNowhere()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Editor);
        var published = Unique("Judicial review decided");
        var draft = Unique("Judgment awaited");
        var publishedPath = await WriteDraftAsync(browser, Post(published, "The court **ruled**.", NewsCategories.CourtDecisions));
        await WriteDraftAsync(browser, Post(draft, "Not yet.", NewsCategories.CourtDecisions));
        (await browser.SubmitAsync(publishedPath, [new("When", PostModel.Now)], "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        var page = await anonymous.GetStringAsync($"/news/{PostSlug.FromTitle(published)}", Cancel);
        page.ShouldContain("<p>The court <strong>ruled</strong>.</p>");
        page.ShouldContain("\"@type\":\"NewsArticle\"");
        page.ShouldContain($"<meta property=\"og:title\" content=\"{published}\">");
        (await anonymous.GetAsync($"/news/{PostSlug.FromTitle(draft)}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var list in new[] { "/news", "/news/category/court-decisions" })
        {
            var html = await anonymous.GetStringAsync(list, Cancel);
            html.ShouldContain($"href=\"/news/{PostSlug.FromTitle(published)}\"", customMessage: list);
            html.ShouldNotContain(PostSlug.FromTitle(draft), customMessage: list);
        }
        (await anonymous.GetStringAsync("/news/category/parliament", Cancel)).ShouldNotContain(PostSlug.FromTitle(published));
        foreach (var feedPath in new[] { "/news.rss", "/news.atom", "/news/category/court-decisions.rss", "/news/category/court-decisions.atom" })
        {
            var feed = await FeedAsync(anonymous, feedPath);
            var links = feed.Items.Select(i => i.Links[0].Uri.AbsolutePath).ToList();
            links.ShouldContain($"/news/{PostSlug.FromTitle(published)}", customMessage: feedPath);
            links.ShouldNotContain($"/news/{PostSlug.FromTitle(draft)}", customMessage: feedPath);
        }
        (await FeedAsync(anonymous, "/news/category/parliament.atom")).Items.Select(i => i.Title.Text).ShouldNotContain(published);
        (await anonymous.GetAsync("/news/category/vacancies", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OldAddressOfAPublishedPost_RedirectsPermanentlyToItsNewOne()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Editor);
        var title = Unique("Statistics for the year");
        var postPath = await WriteDraftAsync(browser, Post(title));
        (await browser.SubmitAsync(postPath, [new("When", PostModel.Now)], "Publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var newTitle = Unique("Detention statistics for the year");
        (await browser.SubmitAsync(postPath + "/edit", Post(newTitle))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        var old = await anonymous.GetAsync($"/news/{PostSlug.FromTitle(title)}", Cancel);

        old.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        old.Headers.Location!.OriginalString.ShouldBe($"/news/{PostSlug.FromTitle(newTitle)}");
        (await anonymous.GetAsync(old.Headers.Location, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PostWithoutItsFields_IsRefusedWithAMessageByEach()
    {
        var (_, browser) = await StaffBrowser.SignedInAsync(factory, StaffRoles.Editor);

        var refused = await browser.SubmitAsync(SiteStaffPaths.NewPost, [new("Title", " "), new("Categories", "vacancies")]);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await StaffBrowser.ParseAsync(refused);
        page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ShouldBe(["#Title", "#Summary", "#Body", "#Author", "#Categories"]);
    }
}

public sealed class SqliteNewsDeskHttpTests(SqlitePortalFactory factory) : NewsDeskHttpTests<SqlitePortalFactory>(factory);

public sealed class PostgresNewsDeskHttpTests(PostgresPortalFactory factory) : NewsDeskHttpTests<PostgresPortalFactory>(factory);
