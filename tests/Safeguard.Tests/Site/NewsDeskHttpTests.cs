using System.Net;
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
